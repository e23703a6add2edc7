import { describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createPrestaShopClient, shopRoot } from "./client";

const KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
type Answer = { status?: number; body?: string; headers?: Record<string, string> };

function clientWith(answer: Answer | ((url: string, init?: RequestInit) => Answer | Promise<never>), options: { auth?: "basic" | "ws_key" } = {}) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const calls: ExternalCallRecord[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init });
    const a = typeof answer === "function" ? await answer(String(input), init) : answer;
    return new Response(a.body ?? "", { status: a.status ?? 200, headers: a.headers });
  }) as typeof globalThis.fetch;
  const client = createPrestaShopClient({ baseUrl: "https://shop.example/", credentials: { apiKey: KEY }, fetch, onCall: (c) => calls.push(c), timeoutMs: 50 }, options);
  return { client, requests, calls };
}

const psJson = (errors: [number, string][]) => JSON.stringify({ errors: errors.map(([code, message]) => ({ code, message })) });
const psXml = (code: number, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n<errors>\n<error>\n<code><![CDATA[${code}]]></code>\n<message><![CDATA[${message}]]></message>\n</error>\n</errors>\n</prestashop>\n`;

describe("PrestaShop client: requests", () => {
  it("sends the key as the Basic user name with an empty password, asks for JSON, records the call", async () => {
    const { client, requests, calls } = clientWith({ body: JSON.stringify({ orders: [{ id: 1 }] }) });
    expect(await client.list("orders", { "filter[date_upd]": "[2024-01-01 00:00:00,2024-01-31 23:59:59]", date: 1 })).toEqual([{ id: 1 }]);
    const url = new URL(requests[0]!.url);
    expect(url.origin + url.pathname).toBe("https://shop.example/api/orders");
    expect(Object.fromEntries(url.searchParams)).toEqual({ display: "full", "filter[date_upd]": "[2024-01-01 00:00:00,2024-01-31 23:59:59]", date: "1", output_format: "JSON" });
    expect((requests[0]!.init!.headers as Record<string, string>).authorization).toBe(`Basic ${Buffer.from(`${KEY}:`).toString("base64")}`);
    expect(calls[0]).toMatchObject({ system: "prestashop", method: "GET", status: 200 });
  });

  it("uses ?ws_key= when set, and never records the key", async () => {
    const { client, requests, calls } = clientWith({ body: "[]" }, { auth: "ws_key" });
    expect(await client.list("orders")).toEqual([]);
    expect(new URL(requests[0]!.url).searchParams.get("ws_key")).toBe(KEY);
    expect((requests[0]!.init!.headers as Record<string, string>).authorization).toBeUndefined();
    expect(JSON.stringify(calls)).not.toContain(KEY);
    expect(calls[0]!.url).toContain("ws_key=[redacted]");
  });

  it("keeps password hashes and secure keys out of the recorded answer", async () => {
    const { client, calls } = clientWith({ body: JSON.stringify({ orders: [{ id: 1, secure_key: "0123abcd", reference: "X" }] }) });
    await client.list("orders");
    expect(calls[0]!.responseBody).toBe('{"orders":[{"id":1,"secure_key":"[redacted]","reference":"X"}]}');
  });

  it("pages with limit=offset,count until a short page (no total is returned)", async () => {
    const { client, requests } = clientWith((url) => {
      const offset = Number(new URL(url).searchParams.get("limit")!.split(",")[0]);
      const ids = offset < 4 ? [offset + 1, offset + 2] : [offset + 1];
      return { body: JSON.stringify({ orders: ids.map((id) => ({ id })) }) };
    });
    expect((await client.listAll("orders", {}, 2)).map((o) => (o as { id: number }).id)).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((r) => new URL(r.url).searchParams.get("limit"))).toEqual(["0,2", "2,2", "4,2"]);
  });

  it("normalizes the shop URL the merchant typed", () => {
    expect(shopRoot("www.shop.nl/")).toBe("https://www.shop.nl");
    expect(shopRoot("https://shop.nl/winkel/api/")).toBe("https://shop.nl/winkel");
  });
});

describe("PrestaShop client: every failure is a precise ConnectorError", () => {
  it.each([
    ["webservice off (XML, 503 code 22)", { status: 503, body: psXml(22, "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office") }, "webservice_disabled", false, /Enable PrestaShop's webservice/],
    ["webservice off (JSON)", { status: 503, body: psJson([[22, "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office"]]) }, "webservice_disabled", false, /switched off/],
    ["wrong key (401 codes 20, 21)", { status: 401, body: psJson([[20, "Authentification key is not active"], [21, "No permission for this authentication key"]]), headers: { "www-authenticate": "Basic realm=x" } }, "unauthorized", false, /refused the webservice key.*Authentification key is not active/],
    ["key not received (401 code 16)", { status: 401, body: psXml(16, "Please enter the authentication key as the login. No password required") }, "unauthorized", false, /did not receive the webservice key/],
    ["resource not allowed (401 code 26)", { status: 401, body: psJson([[26, 'Resource of type "orders" is not allowed with this authentication key']]) }, "permission_missing", false, /tick View \(GET\) for orders/],
    ["method not allowed for the key (405 code 25)", { status: 405, body: psJson([[25, "Method GET is not allowed for the resource orders with this authentication key"]]) }, "permission_missing", false, /may not read "orders"/],
    ["a 404 web page", { status: 404, body: "<!DOCTYPE html><html><body>Page not found</body></html>" }, "not_found", false, /check the shop URL/],
    ["a web page with status 200", { status: 200, body: "<html><head></head><body>Maintenance</body></html>" }, "invalid_response", false, /web page instead of webservice data/],
    ["malformed JSON", { status: 200, body: 'Notice: Undefined index: id in /var/www/classes/Order.php\n{"orders":[' }, "invalid_response", false, /not JSON \(it starts with "Notice: Undefined index/],
    ["an empty 200", { status: 200, body: "" }, "invalid_response", false, /an empty body/],
    ["a server error", { status: 500, body: psJson([[2, "[PHP Error #1] boom"]]) }, "unavailable", true, /HTTP 500.*boom/],
    ["a rate limit", { status: 429, body: "" }, "rate_limited", true, /limits the number of requests/],
    ["a filter PrestaShop rejects", { status: 400, body: psJson([[32, 'This filter does not exist. Did you mean: "date_upd"?']]) }, "rejected", false, /This filter does not exist/],
  ])("%s", async (_case, answer, code, retryable, message) => {
    const error = await caught(clientWith(answer).client.list("orders"));
    expect(error).toMatchObject({ code, retryable });
    expect(error.message).toMatch(message);
  });

  it("an unknown id: PrestaShop's empty 404", async () => {
    const error = await caught(clientWith({ status: 404, body: "" }).client.one("orders", "order", "77"));
    expect(error).toMatchObject({ code: "not_found", message: "PrestaShop has no orders with id 77.", retryable: false });
  });

  it("a list or object in the wrong shape", async () => {
    expect((await caught(clientWith({ body: JSON.stringify({ customers: [] }) }).client.list("orders"))).code).toBe("invalid_response");
    expect((await caught(clientWith({ body: JSON.stringify({ orders: [{ id: 1 }] }) }).client.one("orders", "order", "1"))).message).toMatch(/no "order" object/);
  });

  it("timeouts and network failures are retryable", async () => {
    const hang = clientWith((_url, init) => new Promise<never>((_, reject) => init!.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))));
    expect(await caught(hang.client.list("orders"))).toMatchObject({ code: "timeout", retryable: true });
    const down = clientWith(() => Promise.reject(new TypeError("fetch failed")));
    expect(await caught(down.client.list("orders"))).toMatchObject({ code: "network", retryable: true, message: expect.stringContaining("could not be reached") });
  });

  it("a missing key", async () => {
    expect(() => createPrestaShopClient({ baseUrl: "https://shop.example", credentials: {} })).toThrow(/webservice key is missing/);
  });
});
