import { describe, expect, it } from "vitest";
import { type ExternalCallRecord } from "../types";
import { createRompslompClient } from "./client";
import { caught } from "../testing";

const TOKEN = "ngLL9N98o-ULVpwTALprgymQnpWVtyNdxFkQwd1pJmY";
type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, timeoutMs?: number) {
  const calls: ExternalCallRecord[] = [];
  const requests: { url: URL; init: RequestInit }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    requests.push({ url, init });
    return handler(url, init);
  }) as typeof fetch;
  const client = createRompslompClient({ baseUrl: "https://api.rompslomp.nl/", token: () => TOKEN, fetch: fetchImpl, onCall: (c) => calls.push(c), timeoutMs });
  return { client, calls, requests };
}

const err = (status: number, type: string, message: string, headers?: HeadersInit) => Response.json({ error: { type, message } }, { status, headers });


describe("Rompslomp client", () => {
  it("sends Bearer auth and JSON wrapped in the resource name", async () => {
    const { client, requests } = setup(() => Response.json({ contact: { id: 4556686965, name: "Jan" } }, { status: 201 }));
    const contact = await client.createContact("54321", { is_individual: true, is_supplier: false, contact_person_name: "Jan" });
    expect(contact.id).toBe("4556686965");
    const { url, init } = requests[0]!;
    expect(url.toString()).toBe("https://api.rompslomp.nl/api/v1/companies/54321/contacts");
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(String(init.body))).toEqual({ contact: { is_individual: true, is_supplier: false, contact_person_name: "Jan" } });
  });

  it("walks pages until X-Total is reached", async () => {
    const all = Array.from({ length: 230 }, (_, i) => ({ id: 1000 + i, name: `c${i}` }));
    const { client, requests } = setup((url) => {
      const page = Number(url.searchParams.get("page"));
      const per = Number(url.searchParams.get("per_page"));
      return Response.json({ companies: all.slice((page - 1) * per, page * per) }, { headers: { "X-Total": "230", "X-Page": String(page), "X-Per-Page": String(per) } });
    });
    expect(await client.listCompanies()).toHaveLength(230);
    expect(requests.map((r) => r.url.searchParams.get("page"))).toEqual(["1", "2", "3"]);
  });

  it("searches products by code and invoices by api_reference with Rails-style params", async () => {
    const { client, requests } = setup((url) => Response.json({ [url.pathname.split("/").pop()!]: [] }));
    await client.findProductsByCode("1", "ABC1");
    await client.findSalesInvoicesByReference("1", "bk-1");
    await client.findContactsByEmail("1", "a@b.nl");
    expect(requests[0]!.url.searchParams.getAll("search[product_codes][]")).toEqual(["ABC1"]);
    expect(requests[1]!.url.searchParams.get("search[api_reference]")).toBe("bk-1");
    expect(requests[2]!.url.searchParams.get("search[contact_person_email_address]")).toBe("a@b.nl");
  });

  it("429 → rate_limited, retryable, honouring Retry-After", async () => {
    const { client } = setup(() => err(429, "client.rate_limit", "Te veel verzoeken", { "Retry-After": "17" }));
    const e = await caught(client.listCompanies());
    expect(e).toMatchObject({ code: "rate_limited", retryable: true, detail: { status: 429, retryAfterMs: 17_000 } });
  });

  it("401 → unauthorized, not retryable", async () => {
    const { client } = setup(() => err(401, "client.authentication.invalid_token", "Het toegangstoken is verlopen"));
    expect(await caught(client.listCompanies())).toMatchObject({ code: "unauthorized", retryable: false });
  });

  it("422 → rejected, not retryable, with Rompslomp's reasons in a plain sentence", async () => {
    const { client } = setup(() => err(422, "client.parameters.validation", "Factuur is invalid: Contact moet opgegeven zijn, Factuurregel 1 btw-soort bestaat niet."));
    const e = await caught(client.createSalesInvoice("1", {} as never));
    expect(e).toMatchObject({ code: "rejected", retryable: false });
    expect(e.message).toBe("Rompslomp rejected the invoice: Contact moet opgegeven zijn, Factuurregel 1 btw-soort bestaat niet.");
  });

  it("403 scope and plan problems say what to do", async () => {
    const scope = setup(() => err(403, "client.authorization.invalid_scope", "scope"));
    expect(await caught(scope.client.listAccounts("1"))).toMatchObject({ code: "insufficient_scope", retryable: false });
    const plan = setup(() => err(403, "client.authorization.access_denied", "Gratis"));
    expect((await caught(plan.client.listVatTypes("1"))).message).toMatch(/paid Rompslomp plan/);
  });

  it("5xx, network failures and timeouts are retryable", async () => {
    expect(await caught(setup(() => err(503, "server", "Onderhoud")).client.listCompanies())).toMatchObject({ code: "server_error", retryable: true });
    expect(await caught(setup(() => { throw new TypeError("fetch failed"); }).client.listCompanies())).toMatchObject({ code: "network", retryable: true });
    const hang: Handler = (_url, init) => new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    expect(await caught(setup(hang, 20).client.listCompanies())).toMatchObject({ code: "timeout", retryable: true });
  });

  it("an answer in an unknown shape is a clear, permanent error", async () => {
    const { client } = setup(() => Response.json({ contact: { id: "not-a-number" } }, { status: 201 }));
    expect(await caught(client.createContact("1", { is_individual: true, is_supplier: false }))).toMatchObject({ code: "unexpected_response", retryable: false });
  });

  it("reports every call with the bearer token redacted", async () => {
    // A (misbehaving) server echoing the Authorization header must not leak it into the audit log.
    const { client, calls } = setup((_url, init) => Response.json({ companies: [], echo: (init.headers as Record<string, string>).Authorization }));
    await client.listCompanies();
    const { client: failing, calls: failedCalls } = setup(() => { throw new Error(`connect ECONNREFUSED (token ${TOKEN})`); });
    await caught(failing.listCompanies());
    const all = [...calls, ...failedCalls];
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ system: "rompslomp", method: "GET", status: 200 });
    expect(all[0]!.url).toContain("/api/v1/companies?page=1&per_page=100");
    expect(JSON.stringify(all)).not.toContain(TOKEN);
    expect(all[0]!.responseBody).toContain("Bearer [REDACTED]");
  });
});
