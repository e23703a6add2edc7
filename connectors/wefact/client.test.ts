import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createWefactClient } from "./client";
import { decodeForm, encodeForm } from "./form";
import { resetThrottle } from "./transport";

const KEY = "0123456789abcdef0123456789abcdef";
type Handler = (body: Record<string, unknown>, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, timeoutMs?: number) {
  const calls: ExternalCallRecord[] = [];
  const requests: { url: string; init: RequestInit; body: Record<string, unknown> }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = decodeForm(String(init.body));
    requests.push({ url: String(input), init, body });
    return handler(body, init);
  }) as typeof fetch;
  const client = createWefactClient({ baseUrl: "https://api.mijnwefact.nl/", apiKey: KEY, fetch: fetchImpl, onCall: (c) => calls.push(c), timeoutMs });
  return { client, calls, requests };
}

const ok = (payload: Record<string, unknown>, headers?: HeadersInit) => Response.json({ controller: "x", action: "y", status: "success", date: "2024-01-01T12:00:00+01:00", ...payload }, { headers });
const error = (errors: string[], status = 200, headers?: HeadersInit) => Response.json({ controller: "x", action: "y", status: "error", date: "2024-01-01T12:00:00+01:00", errors }, { status, headers });

beforeEach(() => resetThrottle());
afterEach(() => { vi.unstubAllEnvs(); vi.useRealTimers(); });

describe("form encoding (PHP bracket notation)", () => {
  it("nests lines and custom fields and reads them back", () => {
    const body = { Debtor: "7", InvoiceLines: [{ Number: "2", PriceExcl: "5.495" }, { Number: "1", PriceExcl: "-4.09" }], CustomFields: { shipping_city: "Den Haag" } };
    const text = encodeForm(body);
    expect(text).toBe("Debtor=7&InvoiceLines%5B0%5D%5BNumber%5D=2&InvoiceLines%5B0%5D%5BPriceExcl%5D=5.495&InvoiceLines%5B1%5D%5BNumber%5D=1&InvoiceLines%5B1%5D%5BPriceExcl%5D=-4.09&CustomFields%5Bshipping_city%5D=Den+Haag");
    expect(decodeForm(text)).toEqual(body);
  });
});

describe("WeFact client", () => {
  it("POSTs one form to /v2/ with api_key, controller, action and the parameters", async () => {
    const { client, requests, calls } = setup(() => ok({ debtor: { Identifier: 12, DebtorCode: "DB10011", SurName: "NN" } }));
    const debtor = await client.addDebtor({ SurName: "NN", EmailAddress: "a@b.nl" });
    expect(debtor).toMatchObject({ Identifier: "12", DebtorCode: "DB10011" });
    const [req] = requests;
    expect(req!.url).toBe("https://api.mijnwefact.nl/v2/");
    expect(req!.init.method).toBe("POST");
    expect((req!.init.headers as Record<string, string>)["Content-Type"]).toBe("application/x-www-form-urlencoded");
    expect(req!.body).toEqual({ SurName: "NN", EmailAddress: "a@b.nl", api_key: KEY, controller: "debtor", action: "add" });
    // The audit log never carries the key.
    expect(calls[0]!.requestBody).toContain("api_key=[REDACTED]");
    expect(JSON.stringify(calls)).not.toContain(KEY);
    expect(calls[0]).toMatchObject({ system: "wefact", method: "POST", status: 200 });
  });

  it("walks offset/limit until totalresults, and reads a list without rows key as empty", async () => {
    const all = Array.from({ length: 1500 }, (_, i) => ({ Identifier: i + 1, DebtorCode: `DB${10000 + i}`, EmailAddress: "x@y.nl" }));
    const { client, requests } = setup((b) => {
      const offset = Number(b.offset), limit = Number(b.limit);
      const rows = all.slice(offset, offset + limit);
      return ok({ totalresults: all.length, currentresults: rows.length, offset, debtors: rows });
    });
    expect(await client.findDebtorsByEmail("x@y.nl")).toHaveLength(1500);
    expect(requests.map((r) => [r.body.offset, r.body.limit, r.body.searchat, r.body.searchfor])).toEqual([
      ["0", "1000", "EmailAddress", "x@y.nl"], ["1000", "1000", "EmailAddress", "x@y.nl"],
    ]);
    const empty = setup(() => ok({ totalresults: 0, currentresults: 0, offset: 0 }));
    expect(await empty.client.findProductsByCode("NOPE")).toEqual([]);
    expect(empty.requests[0]!.body).toMatchObject({ controller: "product", action: "list", searchat: "ProductCode", searchfor: "NOPE" });
  });

  it("searches invoices newest first on the given field", async () => {
    const { client, requests } = setup(() => ok({ totalresults: 1, invoices: [{ Identifier: "3", InvoiceCode: "[concept]0003" }] }));
    expect(await client.findInvoices("Comment", "[ref:K-invoice-1]")).toEqual([{ Identifier: "3", InvoiceCode: "[concept]0003" }]);
    expect(requests[0]!.body).toMatchObject({ controller: "invoice", action: "list", searchat: "Comment", searchfor: "[ref:K-invoice-1]", sort: "Identifier", order: "DESC" });
  });

  describe("errors: HTTP 200 with status error and Dutch prose", () => {
    it("a validation error is permanent and keeps WeFact's words", async () => {
      const { client } = setup(() => error(["Factuurregel 1: ongeldige btw-code 'V19'"]));
      expect(await caught(client.addInvoice({} as never))).toMatchObject({ code: "rejected", retryable: false, message: "WeFact rejected the invoice: Factuurregel 1: ongeldige btw-code 'V19'" });
    });

    it("an IP outside the whitelist turns the connection red and names our IP addresses (OUTGOING_IPS)", async () => {
      vi.stubEnv("OUTGOING_IPS", "203.0.113.10, 203.0.113.11");
      const { client } = setup(() => error(["IP 198.51.100.7 has no access to API"]));
      const e = await caught(client.settings());
      expect(e).toMatchObject({ code: "access_denied", retryable: false });
      expect(e.message).toContain("IP 198.51.100.7 has no access to API");
      expect(e.message).toContain("203.0.113.10 and 203.0.113.11");
      expect(e.message).toContain("Instellingen → API");
    });

    it("a wrong API key is unauthorized (never retried: failed attempts count towards WeFact's limit)", async () => {
      const { client } = setup(() => error(["Ongeldige API-sleutel opgegeven"]));
      expect(await caught(client.settings())).toMatchObject({ code: "unauthorized", retryable: false });
    });

    it("the firewall (HTTP 403) waits until the hour resets", async () => {
      vi.useFakeTimers({ now: new Date("2024-01-01T12:00:00Z") });
      const reset = String(Date.parse("2024-01-01T12:20:00Z") / 1000);
      const { client } = setup(() => error(["IP 198.51.100.7 is currently in firewall"], 403, { "API-RateLimit-Reset-Hour": reset }));
      expect(await caught(client.settings())).toMatchObject({ code: "rate_limited", retryable: true, detail: { status: 403, retryAfterMs: 20 * 60_000 } });
    });

    it("an unknown action is reported as such", async () => {
      const { client } = setup(() => error(["Invalid action"]));
      expect(await caught(client.sendInvoiceByEmail("1"))).toMatchObject({ code: "unsupported_action", retryable: false });
    });
  });

  describe("answers that are not WeFact's", () => {
    it.each([
      ["503", () => new Response("<html>Service Unavailable</html>", { status: 503 }), { code: "server_error", retryable: true }],
      ["502 with JSON", () => error(["Bad gateway"], 502), { code: "server_error", retryable: true }],
      ["429", () => new Response("slow down", { status: 429 }), { code: "rate_limited", retryable: true, detail: { retryAfterMs: 60_000 } }],
      ["an HTML page with 200", () => new Response("<!doctype html><p>Onderhoud</p>", { status: 200 }), { code: "unexpected_response", retryable: false }],
      ["malformed JSON", () => new Response('{"status": "succ', { status: 200 }), { code: "unexpected_response", retryable: false }],
      ["JSON without status", () => Response.json({ hello: "world" }), { code: "unexpected_response", retryable: false }],
      ["success without the entity", () => ok({}), { code: "unexpected_response", retryable: false }],
      ["an entity without its id", () => ok({ invoice: { InvoiceCode: "F2024-0001" } }), { code: "unexpected_response", retryable: false }],
      ["a 404 page", () => new Response("Not found", { status: 404 }), { code: "http_404", retryable: false }],
    ])("%s → a precise ConnectorError", async (_what, answer, expected) => {
      const { client } = setup(answer);
      const e = await caught(client.showInvoice("1"));
      expect(e).toMatchObject(expected);
      expect(e.message.length).toBeGreaterThan(20);
    });

    it("a hang becomes a retryable timeout, reported as such", async () => {
      const { client, calls } = setup((_b, init) => new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))), 50);
      expect(await caught(client.settings())).toMatchObject({ code: "timeout", retryable: true });
      expect(calls[0]!.error).toMatch(/timeout/);
    });

    it("a network failure is retryable", async () => {
      const { client } = setup(() => { throw new TypeError("fetch failed"); });
      expect(await caught(client.settings())).toMatchObject({ code: "network", retryable: true });
    });
  });

  it("slows down before the per-IP minute budget runs out", async () => {
    vi.useFakeTimers({ now: new Date("2024-01-01T12:00:00Z") });
    const resetAt = String(Date.parse("2024-01-01T12:00:10Z") / 1000);
    const { client, requests } = setup(() => ok({ settings: {} }, { "API-RateLimit-Remaining-Minute": "3", "API-RateLimit-Reset-Minute": resetAt }));
    await client.settings();
    const second = client.settings();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(requests).toHaveLength(1); // still waiting for the window
    await vi.advanceTimersByTimeAsync(6_000);
    await second;
    expect(requests).toHaveLength(2);
  });
});
