import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { caught } from "../testing";
import { createMagento1Source } from "./index";
import { exchangeAccessToken, initiate, parseAuthorizeCallback } from "./oauth";
import { baseUrlOf, sandboxCtx, sandboxFetch } from "./sandbox/testing";
import { shopUrls } from "./urls";

/** The Connect button's three legs against the sandbox shop, as the app's routes will run them. */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const CALLBACK = "http://app.test/api/oauth/magento1/callback?licenseKey=LIC-1";
const tenant = "m1-connect";
const adminUrl = `${baseUrlOf(tenant)}/admin`;

async function newConsumer(body: object = {}) {
  const res = await sandboxFetch(`${baseUrlOf(tenant)}/admin/oauth_consumer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Boekkoppeling", callback_url: "http://app.test/api/oauth/magento1/callback", ...body }) });
  expect(res.status).toBe(201);
  const c = (await res.json()) as { key: string; secret: string };
  return { consumerKey: c.key, consumerSecret: c.secret };
}

/** The admin's browser: the authorize page, then the Authorize (or Reject) button. */
async function clickInBrowser(authorizeUrl: string, button: "confirm" | "reject"): Promise<string> {
  const page = await (await sandboxFetch(authorizeUrl)).text();
  expect(page).toContain("requests access to your account");
  const token = /name="oauth_token" value="([^"]+)"/.exec(page)![1]!;
  const res = await sandboxFetch(`${baseUrlOf(tenant)}/admin/oauth_authorize/${button}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `oauth_token=${token}`, redirect: "manual" });
  expect(res.status).toBe(302);
  return res.headers.get("location")!;
}

describe("Magento 1.9 Connect: initiate → admin authorize → token", () => {
  it("gives an access token that reads the REST API", async () => {
    const consumer = await newConsumer();
    const started = await initiate({ adminUrl, ...consumer, callbackUrl: CALLBACK, fetch: sandboxFetch });
    expect(started.authorizeUrl).toBe(`${baseUrlOf(tenant)}/admin/oauth_authorize?oauth_token=${started.requestToken}`);
    const back = await clickInBrowser(started.authorizeUrl, "confirm");
    expect(back.startsWith(`${CALLBACK}&oauth_token=`)).toBe(true);
    const { requestToken, verifier } = parseAuthorizeCallback(back);
    expect(requestToken).toBe(started.requestToken);
    const credentials = await exchangeAccessToken({ adminUrl, ...consumer, requestToken, requestTokenSecret: started.requestTokenSecret, verifier, fetch: sandboxFetch });
    expect(credentials.storeBaseUrl).toBe(baseUrlOf(tenant));
    await expect(createMagento1Source(sandboxCtx(tenant, credentials)).testConnection()).resolves.toEqual({ ok: true });

    // The verifier is used once.
    const again = await caught(exchangeAccessToken({ adminUrl, ...consumer, requestToken, requestTokenSecret: started.requestTokenSecret, verifier, fetch: sandboxFetch }));
    expect(again).toMatchObject({ code: "token_exchange_failed" });
    expect(again.message).toMatch(/oauth_problem=token_rejected/);
  });

  it("a Reject comes back without a verifier: access_denied", async () => {
    const consumer = await newConsumer({ rejected_callback_url: "http://app.test/api/oauth/magento1/rejected" });
    const started = await initiate({ adminUrl, ...consumer, callbackUrl: CALLBACK, fetch: sandboxFetch });
    const back = await clickInBrowser(started.authorizeUrl, "reject");
    expect(back).toMatch(/^http:\/\/app\.test\/api\/oauth\/magento1\/rejected\?oauth_token=.*&rejected=1$/);
    expect(await caught(Promise.resolve().then(() => parseAuthorizeCallback(back)))).toMatchObject({ code: "access_denied" });
  });

  it.each([
    ["a wrong consumer secret", { consumerSecret: "0".repeat(32) }, "invalid_signature", /consumer secret does not belong.*signature_invalid/],
    ["an unknown consumer key", { consumerKey: "f".repeat(32) }, "invalid_credentials", /does not know this consumer key/],
    ["a consumer key of the wrong length", { consumerKey: "abc" }, "invalid_credentials", /consumer_key_rejected/],
    ["a callback that is not a URL", { callbackUrl: "not a url" }, "callback_rejected", /parameter_rejected&message=oauth_callback/],
  ])("%s is refused precisely at initiate", async (_case, override, code, message) => {
    const consumer = await newConsumer();
    const err = await caught(initiate({ adminUrl, ...consumer, callbackUrl: CALLBACK, fetch: sandboxFetch, ...override }));
    expect(err).toMatchObject({ code, retryable: false });
    expect(err.message).toMatch(message);
  });

  it("an admin URL that is not the shop's gives the web page error, not a crash", async () => {
    const err = await caught(initiate({ adminUrl: `${baseUrlOf(tenant)}/shop/admin`, consumerKey: "k".repeat(32), consumerSecret: "s", callbackUrl: CALLBACK, fetch: sandboxFetch }));
    expect(err).toMatchObject({ code: "api_not_found" });
  });
});

describe("admin URL → shop URLs", () => {
  it.each([
    ["https://www.jouwwebwinkel.nl/admin", "https://www.jouwwebwinkel.nl/admin", "https://www.jouwwebwinkel.nl"],
    ["www.jouwwebwinkel.nl/index.php/beheer/", "https://www.jouwwebwinkel.nl/index.php/beheer", "https://www.jouwwebwinkel.nl"],
    ["https://shop.nl/store/admin/dashboard/index/key/abc123/", "https://shop.nl/store/admin", "https://shop.nl/store"],
  ])("%s", (input, adminBaseUrl, storeBaseUrl) => {
    expect(shopUrls(input)).toEqual({ adminBaseUrl, storeBaseUrl });
  });

  it("refuses an address without the admin path", async () => {
    expect(await caught(Promise.resolve().then(() => shopUrls("https://shop.nl/")))).toMatchObject({ code: "invalid_credentials" });
  });
});
