import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader } from "../magento2/oauth1";
import { caught } from "../testing";
import { createMagento1Client } from "./client";

const credentials = { consumerKey: "ck", consumerSecret: "cs", accessToken: "at", accessTokenSecret: "ats" };

function client(status: number, body: string, headers: Record<string, string> = { "content-type": "application/json" }, seen: Request[] = []) {
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(body, { status, headers });
  }) as typeof globalThis.fetch;
  return createMagento1Client({ baseUrl: "https://shop.example/", credentials, fetch });
}

describe("Magento 1.9 client", () => {
  it("signs with HMAC-SHA1 under /api/rest and writes page, limit, order and filters", async () => {
    const seen: Request[] = [];
    const items = await client(200, '{"9":{"entity_id":"9"},"10":{"entity_id":"10"}}', undefined, seen).list("invoices", {
      page: 2, limit: 500, order: "entity_id", dir: "asc", filters: [{ attribute: "created_at", condition: "from", value: "2024-01-01 00:00:00" }],
    });
    expect(items).toEqual([{ entity_id: "9" }, { entity_id: "10" }]);
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe("/api/rest/invoices");
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: "2", limit: "100", order: "entity_id", dir: "asc", "filter[1][attribute]": "created_at", "filter[1][from]": "2024-01-01 00:00:00" });
    expect(parseAuthorizationHeader(seen[0]!.headers.get("authorization"))).toMatchObject({ oauth_signature_method: "HMAC-SHA1", oauth_token: "at" });
  });

  it("an empty list is []", async () => {
    expect(await client(200, "[]").list("invoices", { page: 1, limit: 10 })).toEqual([]);
  });

  it.each([
    ["a signature error", 401, '{"messages":{"error":[{"code":401,"message":"oauth_problem=signature_invalid"}]}}', "unauthorized", /OAuth signature.*oauth_problem=signature_invalid/],
    ["a REST role without invoices", 403, '{"messages":{"error":[{"code":403,"message":"Access denied"}]}}', "insufficient_scope", /REST Roles.*REST API Calls to read invoices.*Access denied/],
    ["the missing .htaccess rewrite (an HTML 404)", 404, "<html><body>404</body></html>", "api_not_found", /RewriteRule \^api\/rest api\.php\?type=rest/],
    ["an unknown invoice", 404, '{"messages":{"error":[{"code":404,"message":"Resource not found."}]}}', "not_found", /Resource not found\./],
    ["a server error", 500, '{"messages":{"error":[{"code":500,"message":"Resource internal error."}]}}', "unavailable", /HTTP 500.*Resource internal error/],
    ["malformed JSON", 200, "{\"entity_id\": ", "invalid_response", /not valid JSON/],
  ])("%s gives a precise ConnectorError", async (_case, status, body, code, message) => {
    const headers = body.startsWith("<") ? { "content-type": "text/html" } : { "content-type": "application/json" };
    const err = await caught(client(status, body, headers).getInvoice("1"));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it("a list answer that is not a list is named", async () => {
    expect(await caught(client(200, '"nope"').list("invoices", { page: 1, limit: 1 }))).toMatchObject({ code: "invalid_payload", message: "The Magento 1.9 invoices list is not a list." });
  });

  it("without an access token: connect first", async () => {
    const err = await caught(Promise.resolve().then(() => createMagento1Client({ baseUrl: "https://shop.example", credentials: { consumerKey: "ck", consumerSecret: "cs" } })));
    expect(err).toMatchObject({ code: "not_connected" });
    expect(err.message).toMatch(/access token is missing.*click Connect/);
  });
});
