import { describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createKmoClient } from "./client";

const credentials = { shopId: "acme", apiKey: "kmo_secret_key", webhookSecret: "whsec" };
type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function client(handler: Handler, extra: { timeoutMs?: number } = {}) {
  const calls: ExternalCallRecord[] = [];
  const seen: { url: URL; init: RequestInit }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    seen.push({ url, init });
    return handler(url, init);
  }) as typeof fetch;
  return { calls, seen, api: createKmoClient({ baseUrl: "https://acme.kmoshops.be/", credentials, fetch: fetchFn, onCall: (c) => calls.push(c), ...extra }) };
}

const kmoError = (status: number, code: string, message: string, headers: Record<string, string> = {}) => Response.json({ error: { code, message } }, { status, headers });

describe("KMO Shops client", () => {
  it("sends the API key as a bearer token and asks the order list by updated_since, limit and page token", async () => {
    const { api, seen } = client(() => Response.json({ data: [{ id: 1 }], next_page_token: "t2" }));
    const page = await api.listOrders({ updatedSince: "2024-05-01T00:00:00.000Z", limit: 999, pageToken: "t1" });
    expect(page).toMatchObject({ data: [{ id: 1 }], next_page_token: "t2" });
    const { url, init } = seen[0]!;
    expect(url.pathname).toBe("/api/v1/orders");
    expect(Object.fromEntries(url.searchParams)).toEqual({ updated_since: "2024-05-01T00:00:00.000Z", limit: "250", page_token: "t1" });
    expect((init.headers as Record<string, string>).authorization).toBe("Bearer kmo_secret_key");
  });

  it("reports every call without secrets", async () => {
    const { api, calls } = client(() => Response.json({ id: 5, topic: "order.created", address: "https://app/x", secret: "leak" }, { status: 201 }));
    await api.createWebhook({ topic: "order.created", address: "https://app/x" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ system: "kmoshops", method: "POST", url: "https://acme.kmoshops.be/api/v1/webhooks", status: 201 });
    expect(JSON.stringify(calls)).not.toContain("kmo_secret_key");
    expect(calls[0]!.responseBody).toContain('"secret":"[redacted]"');
  });

  it("refuses to start without an API key", () => {
    expect(() => createKmoClient({ baseUrl: "https://x", credentials: {} })).toThrow(expect.objectContaining({ code: "unauthorized", retryable: false }));
  });

  it.each([
    [401, kmoError(401, "unauthorized", "Invalid API key."), "unauthorized", false, /refused the API key.*Install the app again.*Invalid API key\. \(unauthorized\)/],
    [404, kmoError(404, "not_found", "Order 9 does not exist."), "not_found", false, /Order 9 does not exist/],
    [422, kmoError(422, "validation_failed", "address must be https"), "rejected", false, /address must be https/],
    [500, kmoError(500, "server_error", "Oops"), "unavailable", true, /HTTP 500/],
    [502, new Response("<html><body>Bad gateway</body></html>", { status: 502, headers: { "content-type": "text/html" } }), "unavailable", true, /a web page instead of a JSON error/],
  ])("HTTP %i → %s", async (_status, response, code, retryable, message) => {
    const { api } = client(() => response);
    expect(await caught(api.getOrder("9"))).toMatchObject({ code, retryable, message: expect.stringMatching(message) });
  });

  it("429 is retryable after Retry-After", async () => {
    const { api } = client(() => kmoError(429, "rate_limited", "Too many requests", { "retry-after": "7" }));
    const err = await caught(api.getOrder("1"));
    expect(err).toMatchObject({ code: "rate_limited", retryable: true });
    expect(err.detail?.retryAfterMs).toBe(7000);
  });

  it("a 200 that is an HTML page or malformed JSON gives a precise message, not a crash", async () => {
    expect(await caught(client(() => new Response("<!doctype html><p>Onderhoud</p>", { status: 200 })).api.getOrder("1"))).toMatchObject({
      code: "invalid_response", message: expect.stringContaining("web page instead of JSON"),
    });
    expect(await caught(client(() => new Response('{"id": 1', { status: 200 })).api.getOrder("1"))).toMatchObject({ code: "invalid_response", message: expect.stringContaining("not JSON") });
  });

  it("a list without data is invalid_payload naming the field", async () => {
    expect(await caught(client(() => Response.json({ orders: [] })).api.listOrders({ updatedSince: "x" }))).toMatchObject({ code: "invalid_payload", message: expect.stringContaining('"data"') });
  });

  it("a network failure and a timeout are retryable", async () => {
    expect(await caught(client(() => { throw new TypeError("fetch failed"); }).api.getOrder("1"))).toMatchObject({ code: "network", retryable: true });
    const hang: Handler = (_url, init) => new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    expect(await caught(client(hang, { timeoutMs: 20 }).api.getOrder("1"))).toMatchObject({ code: "timeout", retryable: true });
  });
});
