import { describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createMagento2Client } from "./client";
import { createMagento2Source } from "./index";
import { magentoMessage } from "./errors";
import { parseAuthorizationHeader } from "./oauth1";

const credentials = { consumerKey: "ck", consumerSecret: "cs", accessToken: "at", accessTokenSecret: "ats" };
type Answer = { status?: number; body?: string; headers?: Record<string, string> } | "hang" | "refuse";

function stub(answer: Answer, seen: Request[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    if (answer === "refuse") throw new TypeError("fetch failed: connect ECONNREFUSED");
    if (answer === "hang") {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    return new Response(answer.body ?? "", { status: answer.status ?? 200, headers: answer.headers ?? { "content-type": "application/json" } });
  }) as typeof fetch;
}

const client = (answer: Answer, seen?: Request[], calls?: ExternalCallRecord[], options = {}) =>
  createMagento2Client({ baseUrl: "https://shop.example/", credentials, fetch: stub(answer, seen), onCall: calls ? (c) => calls.push(c) : undefined, timeoutMs: 50 }, options);

describe("Magento 2 client: requests", () => {
  it("signs each call with OAuth 1.0a HMAC-SHA256 and the access token, under /rest/V1, and records it without secrets", async () => {
    const seen: Request[] = [];
    const calls: ExternalCallRecord[] = [];
    await client({ body: "{}" }, seen, calls).getInvoice("17");
    expect(seen[0]!.url).toBe("https://shop.example/rest/V1/invoices/17");
    const params = parseAuthorizationHeader(seen[0]!.headers.get("authorization"));
    expect(params).toMatchObject({ oauth_consumer_key: "ck", oauth_token: "at", oauth_signature_method: "HMAC-SHA256", oauth_version: "1.0" });
    expect(calls).toEqual([expect.objectContaining({ system: "magento2", method: "GET", url: "https://shop.example/rest/V1/invoices/17", status: 200 })]);
    expect(JSON.stringify(calls)).not.toMatch(/cs|ats/);
  });

  it("uses the store code, the bearer fallback and the credit memo's singular path", async () => {
    const seen: Request[] = [];
    await client({ body: "{}" }, seen, undefined, { storeCode: "nl", authMode: "bearer" }).getCreditmemo("5");
    expect(seen[0]!.url).toBe("https://shop.example/rest/nl/V1/creditmemo/5");
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer at");
  });

  it("writes searchCriteria with %20 for spaces (never +), so the signature and the shop agree", async () => {
    const seen: Request[] = [];
    await client({ body: '{"items":[],"total_count":0}' }, seen).list("invoices", { filterGroups: [[{ field: "created_at", value: "2024-01-01 00:00:00", condition: "gt" }]], pageSize: 5 });
    expect(seen[0]!.url).toContain("searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2024-01-01%2000%3A00%3A00");
    expect(seen[0]!.url).not.toContain("+");
  });
});

describe("Magento 2 client: bad answers become precise ConnectorErrors", () => {
  it.each<[string, Answer, { code: string; retryable: boolean; message: RegExp }]>([
    ["a signature error", { status: 401, body: '{"message":"The signature is invalid. Verify and try again."}' }, { code: "unauthorized", retryable: false, message: /OAuth signature.*consumer secret or access token secret is wrong.*The signature is invalid/ }],
    ["the ACL error", { status: 401, body: '{"message":"The consumer isn\'t authorized to access %resources.","parameters":{"resources":"Magento_Sales::sales_invoice"}}' }, { code: "unauthorized", retryable: false, message: /isn't authorized to access Magento_Sales::sales_invoice/ }],
    ["a missing ACL resource", { status: 403, body: '{"message":"Forbidden"}' }, { code: "insufficient_scope", retryable: false, message: /Sales > Operations/ }],
    ["an HTML 404 page instead of the API", { status: 404, body: "<!doctype html><html><body>Whoops, our bad...</body></html>", headers: { "content-type": "text/html" } }, { code: "api_not_found", retryable: false, message: /web page instead of the REST API at https:\/\/shop\.example\/rest\/V1\/invoices\/1.*\.htaccess/ }],
    ["a storefront page with status 200", { status: 200, body: "<html><head></head><body>Home</body></html>", headers: { "content-type": "text/html" } }, { code: "api_not_found", retryable: false, message: /web page instead of the REST API's JSON/ }],
    ["malformed JSON (a PHP notice before it)", { status: 200, body: 'Deprecated: Function x() is deprecated in /var/www/a.php on line 3\n{"entity_id":1}' }, { code: "invalid_response", retryable: false, message: /not valid JSON \(it starts with "Deprecated: Function x\(\)/ }],
    ["an empty body", { status: 200, body: "" }, { code: "invalid_response", retryable: true, message: /empty body/ }],
    ["an unknown entity", { status: 404, body: '{"message":"The entity that was requested doesn\'t exist. Verify the entity and try again."}' }, { code: "not_found", retryable: false, message: /doesn't exist/ }],
    ["a validation error with %1", { status: 400, body: '{"message":"Invalid value of \\"%1\\" provided for the %2 field.","parameters":["x","pageSize"]}' }, { code: "rejected", retryable: false, message: /Invalid value of "x" provided for the pageSize field/ }],
    ["host throttling", { status: 429, body: "{}", headers: { "retry-after": "7", "content-type": "application/json" } }, { code: "rate_limited", retryable: true, message: /HTTP 429/ }],
    ["a server error", { status: 500, body: '{"message":"Internal Error. Details are available in Magento log file. Report ID: webapi-1"}' }, { code: "unavailable", retryable: true, message: /HTTP 500.*Report ID/ }],
    ["a timeout", "hang", { code: "timeout", retryable: true, message: /did not answer within/ }],
    ["a refused connection", "refuse", { code: "network", retryable: true, message: /could not be reached.*ECONNREFUSED/ }],
  ])("%s", async (_case, answer, expected) => {
    const err = await caught(client(answer).getInvoice("1"));
    expect(err).toMatchObject({ code: expected.code, retryable: expected.retryable });
    expect(err.message).toMatch(expected.message);
  });

  it("keeps Retry-After for a 429", async () => {
    const err = await caught(client({ status: 429, body: "{}", headers: { "retry-after": "7" } }).getInvoice("1"));
    expect(err.detail?.retryAfterMs).toBe(7000);
  });

  it("a list answer without total_count, and a fetched invoice without order_id, are named precisely", async () => {
    expect((await caught(client({ body: '{"items":[]}' }).list("invoices", { pageSize: 1 }))).message).toBe('The Magento invoices list has no "total_count".');
    const source = createMagento2Source({ baseUrl: "https://shop.example", credentials, fetch: stub({ body: '{"entity_id":1,"items":[]}' }) });
    const err = await caught(source.fetchDocument("invoice", "1"));
    expect(err).toMatchObject({ code: "invalid_payload", message: 'The Magento invoice has no "order_id".' });
  });

  it("missing credentials say what to do, before any request", async () => {
    const err = await caught(Promise.resolve().then(() => createMagento2Client({ baseUrl: "https://shop.example", credentials: { consumerKey: "ck" } })));
    expect(err).toMatchObject({ code: "not_connected" });
    expect(err.message).toMatch(/consumer secret is missing/);
  });

  it("fills Magento's placeholders from list or named parameters", () => {
    expect(magentoMessage('{"message":"A %1 and %2","parameters":["b","c"]}')).toBe("A b and c");
    expect(magentoMessage('{"message":"Need %fieldName","parameters":{"fieldName":"sku"}}')).toBe("Need sku");
    expect(magentoMessage("not json")).toBeUndefined();
  });
});
