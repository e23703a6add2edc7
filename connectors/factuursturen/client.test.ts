import { describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createFactuursturenClient } from "./client";
import { retryAfterMs } from "./errors";
import type { ClientPayload } from "./payloads";

const KEY = "4f0c1b2a9e8d7c6b5a4f3e2d1c0b9a8f";
type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function setup(handler: Handler, timeoutMs?: number) {
  const calls: ExternalCallRecord[] = [];
  const requests: { url: URL; init: RequestInit }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    requests.push({ url, init });
    return handler(url, init);
  }) as typeof fetch;
  const client = createFactuursturenClient({ baseUrl: "https://www.factuursturen.nl/", credentials: { username: "shop@example.nl", apiKey: KEY }, fetch: fetchImpl, onCall: (c) => calls.push(c), timeoutMs });
  return { client, calls, requests };
}

const text = (status: number, body: string, headers?: HeadersInit) => new Response(body, { status, headers: { "Content-Type": "text/plain", ...headers } });
const client = { contact: "Eva", company: "", email: "eva@example.nl" } as ClientPayload;

describe("Factuursturen client", () => {
  it("sends Basic username:apikey, Accept JSON and a JSON body; reads the new number from a 201 text answer", async () => {
    const { client: fs, requests } = setup(() => text(201, "647"));
    expect(await fs.createClient(client)).toBe("647");
    const { url, init } = requests[0]!;
    expect(url.toString()).toBe("https://www.factuursturen.nl/api/v1/clients");
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Basic ${Buffer.from(`shop@example.nl:${KEY}`).toString("base64")}`);
    expect(headers.Accept).toBe("application/json");
    expect(headers["Content-Type"]).toBe("application/json");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual(client);
  });

  it("searches customers by email and invoices in all fields, values escaped in the path", async () => {
    const { client: fs, requests } = setup((url) =>
      url.pathname.includes("/clients/") ? Response.json([{ clientnr: "12", email: "a+b@example.nl", tax_type: "intax" }]) : Response.json([{ id: "20240001", invoicenr: "F20240001", reference: { line1: "1001", line2: "", line3: "KEY-order-1" } }]),
    );
    expect(await fs.searchClientsByEmail("a+b@example.nl")).toEqual([{ clientnr: "12", email: "a+b@example.nl", tax_type: "intax", company: undefined, contact: undefined }]);
    expect(requests[0]!.url.pathname).toBe("/api/v1/search/clients/email/a%2Bb%40example.nl");
    const [invoice] = await fs.searchInvoices("KEY-order-1");
    expect(invoice).toMatchObject({ invoicenr: "F20240001", reference: { line3: "KEY-order-1" } });
    expect(requests[1]!.url.pathname).toBe("/api/v1/search/invoices/all/KEY-order-1");
  });

  it("treats a 404 or an empty list from search as nothing found", async () => {
    expect(await setup(() => text(404, "Geen resultaten")).client.searchInvoices("x")).toEqual([]);
    expect(await setup(() => Response.json([])).client.searchClientsByEmail("x@example.nl")).toEqual([]);
  });

  it("reads stringified values leniently: an empty reference, numeric ids, 'true' flags", async () => {
    const { client: fs } = setup((url) =>
      url.pathname.endsWith("/profiles") ? Response.json([{ id: 1, name: "Standaard", default: "true" }, { id: "2", name: "Logo", default: "false" }]) : Response.json({ invoice: { id: 20240001, invoicenr: "F20240001", reference: "" } }),
    );
    expect(await fs.listProfiles()).toEqual([{ id: "1", name: "Standaard", default: true }, { id: "2", name: "Logo", default: false }]);
    expect((await fs.getInvoice("F20240001")).reference).toEqual({ line1: undefined, line2: undefined, line3: undefined });
  });

  it.each([
    [401, "Invalid username or API key", {}, "unauthorized", false],
    [403, "API access disabled", {}, "access_denied", false],
    [404, "Klant met klantnummer 9 niet gevonden", {}, "not_found", false],
    [400, "Klant met klantnummer 9 bestaat niet", {}, "rejected", false],
    [422, "Ongeldige prijs", {}, "rejected", false],
    [429, "Too many requests", { "Retry-After": "120", "x-ratelimit-remaining": "0" }, "rate_limited", true],
    [400, "Limit reached", { "x-ratelimit-remaining": "0" }, "rate_limited", true],
    [500, "Internal error", {}, "server_error", true],
    [503, "", {}, "server_error", true],
  ])("HTTP %i %j → %s (retryable %s)", async (status, body, headers, code, retryable) => {
    const e = await caught(setup(() => text(status, body, headers)).client.getClient("9"));
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.detail?.status).toBe(status);
    if (body && code === "rejected") expect(e.message).toContain(body);
  });

  it("a 429 waits for Retry-After, else until the hourly quota renews", async () => {
    expect((await caught(setup(() => text(429, "", { "Retry-After": "120" })).client.listTaxes())).detail?.retryAfterMs).toBe(120_000);
    const now = Date.UTC(2024, 1, 13, 10, 59, 30);
    expect(retryAfterMs(new Headers(), now)).toBe(35_000);
  });

  it("explains an HTML error page instead of showing it", async () => {
    const e = await caught(setup(() => new Response("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>…</body></html>", { status: 502, headers: { "Content-Type": "text/html" } })).client.listProfiles());
    expect(e.code).toBe("server_error");
    expect(e.message).toContain('an HTML page ("502 Bad Gateway")');
    expect(e.message).not.toContain("<body>");
  });

  it("a 200 HTML page, malformed JSON, a missing field or a 201 without a number is an unexpected answer, not a crash", async () => {
    const html = await caught(setup(() => new Response("<html><body>Onderhoud</body></html>", { status: 200, headers: { "Content-Type": "text/html" } })).client.listProfiles());
    expect(html.code).toBe("unexpected_response");
    expect((await caught(setup(() => text(200, "{not json")).client.listTaxes())).message).toContain("not JSON");
    const missing = await caught(setup(() => Response.json({ client: { email: "x@example.nl" } })).client.getClient("9"));
    expect(missing.code).toBe("unexpected_response");
    expect(missing.message).toContain("client.clientnr");
    expect((await caught(setup(() => Response.json({ invoice: {} }, { status: 201 })).client.createInvoice({} as never))).message).toContain("expected a number");
    expect((await caught(setup(() => text(201, "")).client.createClient(client))).message).toContain("no number");
  });

  it("a timeout and a network failure are retryable", async () => {
    const hang: Handler = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const timeout = await caught(setup(hang, 50).client.listProfiles());
    expect([timeout.code, timeout.retryable]).toEqual(["timeout", true]);
    const network = await caught(setup(() => { throw new TypeError("fetch failed"); }).client.listProfiles());
    expect([network.code, network.retryable]).toEqual(["network", true]);
  });

  it("reports every call, never the API key", async () => {
    const { client: fs, calls } = setup(() => text(400, `key ${KEY} is wrong`));
    await caught(fs.createClient(client));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ system: "factuursturen", method: "POST", url: "https://www.factuursturen.nl/api/v1/clients", status: 400 });
    expect(JSON.stringify(calls)).not.toContain(KEY);
    expect(calls[0]!.responseBody).toContain("[REDACTED]");
  });

  it("refuses to run without a username or API key, telling the merchant to reconnect", () => {
    expect(() => createFactuursturenClient({ baseUrl: "https://www.factuursturen.nl", credentials: { username: "x" } })).toThrow(/Connect Factuursturen again/);
  });
});
