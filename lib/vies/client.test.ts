import { describe, expect, it } from "vitest";
import { caught } from "@/connectors/testing";
import { checkVatNumber, createViesClient, type ViesCallRecord, type ViesContext } from "./client";

/**
 * The client against recorded-shape VIES answers (swagger "Vies on-the-Web Endpoint" 1.0.0 and
 * the error bodies VIES sends), served by a stub fetch that also keeps what was sent.
 */
type Sent = { url: string; method?: string; headers: Record<string, string>; body: unknown };

function stub(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const calls: ViesCallRecord[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method, headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "content-type": typeof body === "string" ? "text/html" : "application/json", ...headers } });
  }) as typeof globalThis.fetch;
  const ctx: ViesContext = { fetch, onCall: (c) => calls.push(c) };
  return { ctx, sent, calls };
}

const validNl = {
  countryCode: "NL",
  vatNumber: "800000018B01",
  requestDate: "2026-03-02T10:15:30.123Z",
  valid: true,
  requestIdentifier: "",
  name: "VOORBEELD GROOTHANDEL B.V.",
  address: "KEIZERSGRACHT 00001\n1015CJ AMSTERDAM",
  traderName: "",
  traderNameMatch: "NOT_PROCESSED",
};
const failure = (error: string) => ({ actionSucceed: false, errorWrappers: [{ error }] });

describe("VIES client: the request", () => {
  it("POSTs countryCode and vatNumber as JSON to the production check-vat-number endpoint", async () => {
    const { ctx, sent } = stub(200, validNl);
    await checkVatNumber(ctx, { vatNumber: "nl 8000.00.018 b01" });
    expect(sent).toEqual([{
      url: "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number",
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: { countryCode: "NL", vatNumber: "800000018B01" },
    }]);
  });

  it("sends Greece as EL, a number without prefix through its country, old Belgian numbers at 10 digits", async () => {
    const { ctx, sent } = stub(200, { ...validNl, valid: false });
    await checkVatNumber(ctx, { vatNumber: "GR094014201" });
    await checkVatNumber(ctx, { vatNumber: "094014201", countryCode: "GR" });
    await checkVatNumber(ctx, { vatNumber: "403.170.701", countryCode: "BE" });
    expect(sent.map((s) => s.body)).toEqual([
      { countryCode: "EL", vatNumber: "094014201" },
      { countryCode: "EL", vatNumber: "094014201" },
      { countryCode: "BE", vatNumber: "0403170701" },
    ]);
  });

  it("asks a number that fails the offline check all the same (VIES has the last word)", async () => {
    const { ctx, sent } = stub(200, { ...validNl, valid: false });
    await checkVatNumber(ctx, { vatNumber: "NL123456789B01" });
    expect(sent[0]!.body).toEqual({ countryCode: "NL", vatNumber: "123456789B01" });
  });

  it("names the merchant as requester so VIES issues a consultation number", async () => {
    const { ctx, sent } = stub(200, { ...validNl, requestIdentifier: "WAPIAAAAZBcpjbM2" });
    const result = await checkVatNumber(ctx, { vatNumber: "NL800000018B01", requester: { vatNumber: "BE0403170701" } });
    expect(sent[0]!.body).toEqual({ countryCode: "NL", vatNumber: "800000018B01", requesterMemberStateCode: "BE", requesterNumber: "0403170701" });
    expect(result.requestIdentifier).toBe("WAPIAAAAZBcpjbM2");
  });

  it("talks to a sandbox tenant when given its base URL", async () => {
    const { ctx, sent } = stub(200, validNl);
    await createViesClient({ ...ctx, baseUrl: "http://app.test/sandbox/vies/acme/" }).checkVatNumber({ vatNumber: "NL800000018B01" });
    expect(sent[0]!.url).toBe("http://app.test/sandbox/vies/acme/taxation_customs/vies/rest-api/check-vat-number");
  });

  it("refuses, without calling VIES, a number whose country it cannot tell or that VIES does not know", async () => {
    const { ctx, sent } = stub(200, validNl);
    const noCountry = await caught(checkVatNumber(ctx, { vatNumber: "800000018B01" }));
    expect(noCountry).toMatchObject({ code: "vies_invalid_input", retryable: false });
    expect(noCountry.message).toContain("has no country prefix");
    expect(await caught(checkVatNumber(ctx, { vatNumber: "GB980780684" }))).toMatchObject({ code: "vies_invalid_input", retryable: false });
    expect(await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01", requester: { vatNumber: "CHE123456789" } }))).toMatchObject({ code: "vies_invalid_requester", retryable: false });
    expect(sent).toEqual([]);
  });
});

describe("VIES client: the answer", () => {
  it("maps a valid answer: status, when, name and address", async () => {
    const { ctx } = stub(200, validNl);
    expect(await checkVatNumber(ctx, { vatNumber: "NL800000018B01" })).toEqual({
      status: "valid",
      countryCode: "NL",
      vatNumber: "800000018B01",
      checkedAt: "2026-03-02T10:15:30.123Z",
      requestIdentifier: undefined,
      name: "VOORBEELD GROOTHANDEL B.V.",
      address: "KEIZERSGRACHT 00001\n1015CJ AMSTERDAM",
    });
  });

  it("drops what the member state does not disclose ('---') and an empty consultation number", async () => {
    const { ctx } = stub(200, { ...validNl, countryCode: "DE", vatNumber: "300000019", name: "---", address: "---" });
    const result = await checkVatNumber(ctx, { vatNumber: "DE300000019" });
    expect(result).toMatchObject({ status: "valid", name: undefined, address: undefined, requestIdentifier: undefined });
  });

  it("maps an invalid answer", async () => {
    const { ctx } = stub(200, { ...validNl, valid: false, name: "---", address: "---" });
    expect(await checkVatNumber(ctx, { vatNumber: "NL800000031B01" })).toMatchObject({ status: "invalid", name: undefined });
  });

  it("uses its own clock when VIES leaves out the request date", async () => {
    const { ctx } = stub(200, { valid: true });
    const result = await checkVatNumber({ ...ctx, now: () => new Date("2026-01-05T08:00:00Z") }, { vatNumber: "NL800000018B01" });
    expect(result).toMatchObject({ status: "valid", countryCode: "NL", vatNumber: "800000018B01", checkedAt: "2026-01-05T08:00:00.000Z" });
  });

  it("records the exchange for the audit log", async () => {
    const { ctx, calls } = stub(200, validNl);
    await checkVatNumber(ctx, { vatNumber: "NL800000018B01" });
    expect(calls).toEqual([expect.objectContaining({
      system: "vies",
      method: "POST",
      url: "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number",
      requestBody: '{"countryCode":"NL","vatNumber":"800000018B01"}',
      status: 200,
      responseBody: JSON.stringify(validNl),
    })]);
    expect(calls[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe("VIES client: VIES or the member state cannot answer → retryable vies_unavailable", () => {
  it.each([
    ["MS_UNAVAILABLE", 500, "the Dutch tax authority is not answering VIES right now"],
    ["MS_UNAVAILABLE", 200, "the Dutch tax authority is not answering VIES right now"],
    ["MS_MAX_CONCURRENT_REQ", 200, "VIES is handling too many checks for NL numbers right now"],
    ["MS_MAX_CONCURRENT_REQ_TIME", 500, "VIES is handling too many checks for NL numbers right now"],
    ["GLOBAL_MAX_CONCURRENT_REQ", 500, "VIES is handling too many checks right now"],
    ["GLOBAL_MAX_CONCURRENT_REQ_TIME", 500, "VIES is handling too many checks right now"],
    ["SERVICE_UNAVAILABLE", 500, "VIES itself is unavailable right now"],
    ["TIMEOUT", 500, "the Dutch tax authority did not answer VIES in time"],
    ["IP_BLOCKED", 500, "VIES is temporarily refusing checks from our server"],
  ])("%s (HTTP %i)", async (code, status, why) => {
    const { ctx } = stub(status, failure(code));
    const error = await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_unavailable", retryable: true, detail: { status } });
    expect(error.message).toBe(`VAT number NL800000018B01 could not be checked in VIES: ${why}. We will check it again shortly.`);
  });

  it("an error code in userError instead of errorWrappers", async () => {
    const { ctx } = stub(200, { ...validNl, valid: false, userError: "MS_MAX_CONCURRENT_REQ" });
    expect(await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_unavailable", retryable: true });
  });

  it("a 5xx without a VIES body (an HTML error page)", async () => {
    const { ctx } = stub(503, "<html><body>Service Unavailable</body></html>");
    const error = await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_unavailable", retryable: true });
    expect(error.message).toContain("VIES answered with a server error (HTTP 503)");
  });

  it("429, with the wait VIES asks for", async () => {
    const { ctx } = stub(429, "", { "retry-after": "7" });
    expect(await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_unavailable", retryable: true, detail: { retryAfterMs: 7000 } });
  });

  it("network failure", async () => {
    const calls: ViesCallRecord[] = [];
    const fetch = (async () => { throw new TypeError("fetch failed"); }) as typeof globalThis.fetch;
    const error = await caught(checkVatNumber({ fetch, onCall: (c) => calls.push(c) }, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_unavailable", retryable: true });
    expect(error.message).toBe("VAT number NL800000018B01 could not be checked in VIES: VIES could not be reached (fetch failed). We will check it again shortly.");
    expect(calls[0]).toMatchObject({ system: "vies", error: "VIES could not be reached (fetch failed)" });
  });

  it("no answer within the timeout", async () => {
    const hang = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))) as typeof globalThis.fetch;
    const error = await caught(checkVatNumber({ fetch: hang, timeoutMs: 30 }, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_unavailable", retryable: true });
    expect(error.message).toBe("VAT number NL800000018B01 could not be checked in VIES: VIES did not answer within 30 ms. We will check it again shortly.");
  });
});

describe("VIES client: errors waiting does not fix → permanent", () => {
  it("INVALID_INPUT", async () => {
    const { ctx } = stub(400, failure("INVALID_INPUT"));
    const error = await caught(checkVatNumber(ctx, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_invalid_input", retryable: false, detail: { status: 400 } });
    expect(error.message).toBe("VIES refused to check NL800000018B01: the country code or the number is not in a form VIES accepts. Correct the customer's VAT number, then process the document again.");
  });

  it("INVALID_REQUESTER_INFO and VAT_BLOCKED", async () => {
    expect(await caught(checkVatNumber(stub(400, failure("INVALID_REQUESTER_INFO")).ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_invalid_requester", retryable: false });
    expect(await caught(checkVatNumber(stub(500, failure("VAT_BLOCKED")).ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_vat_blocked", retryable: false });
  });

  it("an unknown error code: retryable only on a 5xx", async () => {
    expect(await caught(checkVatNumber(stub(500, failure("SOMETHING_NEW")).ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_error", retryable: true });
    expect(await caught(checkVatNumber(stub(400, failure("SOMETHING_NEW")).ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_error", retryable: false });
  });

  it("another 4xx", async () => {
    expect(await caught(checkVatNumber(stub(404, "<html>Page not found</html>").ctx, { vatNumber: "NL800000018B01" }))).toMatchObject({ code: "vies_rejected", retryable: false, detail: { status: 404 } });
  });

  it("a 200 without the valid field names the field", async () => {
    const error = await caught(checkVatNumber(stub(200, { countryCode: "NL" }).ctx, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_invalid_response", retryable: false });
    expect(error.message).toContain('without the expected field "valid"');
  });

  it("a 200 web page (maintenance) is retried", async () => {
    const error = await caught(checkVatNumber(stub(200, "<!DOCTYPE html><html>Maintenance</html>").ctx, { vatNumber: "NL800000018B01" }));
    expect(error).toMatchObject({ code: "vies_invalid_response", retryable: true });
    expect(error.message).toContain("with a web page instead of a result");
  });
});
