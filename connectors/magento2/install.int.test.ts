import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { caught } from "../testing";
import { createMagento2Source } from "./index";
import { exchangeTokens, parseActivationCallback, parseIdentityLink, verifyConsent, type ActivationCallback } from "./install";
import { admin, APP, baseUrlOf, sandboxCtx, sandboxFetch } from "./sandbox/testing";
import { magento2CredentialForm } from "./setup";

/**
 * The activation handshake end to end against the sandbox shop: the sandbox POSTs the keys to our
 * callback (answered here the way the app's route must: parse, store, 200), the identity link is
 * read, consent checked, tokens exchanged, and the keys then work on the REST API.
 */
const CALLBACK = `${APP}/api/magento2/callback`;
const IDENTITY = `${APP}/magento2/identity`;
let t: TestDb;
const realFetch = globalThis.fetch;
const received: ActivationCallback[] = [];
let callbackStatus = 200;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  // The shop calls the app's callback URL over HTTP; here the "app" is this function.
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (!req.url.startsWith(CALLBACK)) return sandboxFetch(req);
    if (callbackStatus !== 200) return new Response("broken", { status: callbackStatus });
    received.push(parseActivationCallback({ requestUrl: req.url, rawBody: await req.text(), contentType: req.headers.get("content-type") }));
    return new Response("", { status: 200 });
  }) as typeof fetch;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const integrations = (tenant: string, path = "", body?: object) =>
  sandboxFetch(`${baseUrlOf(tenant)}/admin/integrations${path}`, { method: body ? "POST" : "GET", headers: { "content-type": "application/json", accept: "application/json" }, body: body ? JSON.stringify(body) : undefined });

async function activateNew(tenant: string, licenseKey: string) {
  const res = await integrations(tenant, "", { name: "Boekkoppeling", callback_url: `${CALLBACK}?cikey=${licenseKey}`, identity_link_url: IDENTITY, activate: true });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: number; status: string; identity_link: string };
}

describe("Magento 2 activation handshake", () => {
  const tenant = "m2-install";

  it("callback → identity link → consent → token exchange: the four keys work on the REST API", async () => {
    const activation = await activateNew(tenant, "LIC-ABC-1");
    expect(activation.status).toBe("inactive");
    const callback = received.at(-1)!;
    expect(callback).toMatchObject({ licenseKey: "LIC-ABC-1", storeBaseUrl: `${baseUrlOf(tenant)}/` });
    expect(callback.consumerKey).toHaveLength(32);

    const link = parseIdentityLink(activation.identity_link);
    expect(link).toEqual({ consumerKey: callback.consumerKey, successCallback: `${baseUrlOf(tenant)}/admin/integrations/${activation.id}/done` });
    expect(() => verifyConsent({ domain: "https://www.app.test/", connectionKey: "lic-abc-1" }, callback)).not.toThrow();

    const credentials = await exchangeTokens({ ...callback, fetch: sandboxFetch });
    expect(credentials).toMatchObject({ consumerKey: callback.consumerKey, consumerSecret: callback.consumerSecret });
    expect(credentials.accessToken).toHaveLength(32);
    expect(await (await integrations(tenant, `/${activation.id}`)).json()).toMatchObject({ status: "active" });
    await expect(createMagento2Source(sandboxCtx(tenant, credentials)).testConnection()).resolves.toEqual({ ok: true });

    // The success callback page shows the integration Active.
    expect(await (await sandboxFetch(link.successCallback)).text()).toContain(">Active<");
  });

  it("a verifier is used once: a second exchange is refused with Magento's reason", async () => {
    await activateNew(tenant, "LIC-ABC-2");
    const callback = received.at(-1)!;
    await exchangeTokens({ ...callback, fetch: sandboxFetch });
    const err = await caught(exchangeTokens({ ...callback, fetch: sandboxFetch }));
    expect(err).toMatchObject({ code: "token_exchange_failed", retryable: false });
    expect(err.message).toMatch(/Cannot create request token because consumer token is not a verifier token/);
  });

  it("an exchange after the Consumer Key Expiration Period fails with consumer_key_expired", async () => {
    await admin(tenant, "PATCH", "options", { consumerKeyExpirySeconds: 0 });
    await activateNew(tenant, "LIC-ABC-3");
    await new Promise((r) => setTimeout(r, 5));
    const err = await caught(exchangeTokens({ ...received.at(-1)!, fetch: sandboxFetch }));
    expect(err).toMatchObject({ code: "consumer_key_expired", retryable: false });
    expect(err.message).toMatch(/Reauthorize.*Magento said: "Consumer key has expired"/);
    await admin(tenant, "PATCH", "options", { consumerKeyExpirySeconds: 300 });
  });

  it("a wrong consumer secret is refused as a signature error", async () => {
    await activateNew(tenant, "LIC-ABC-4");
    const err = await caught(exchangeTokens({ ...received.at(-1)!, consumerSecret: "0".repeat(32), fetch: sandboxFetch }));
    expect(err).toMatchObject({ code: "invalid_signature" });
    expect(err.message).toMatch(/The signature is invalid/);
  });

  it("consent needs the shop's domain and this integration's license key", async () => {
    const callback = received.at(-1)!;
    expect((await caught(Promise.resolve().then(() => verifyConsent({ domain: "app.test", connectionKey: "OTHER" }, callback)))).message).toMatch(/connection key/);
    expect((await caught(Promise.resolve().then(() => verifyConsent({ domain: "other.nl", connectionKey: callback.licenseKey }, callback)))).message).toMatch(/does not match the shop.*\(app\.test\)/);
  });

  it("a callback URL that does not answer 200 leaves the integration inactive, with the reason on the page", async () => {
    callbackStatus = 500;
    const res = await integrations(tenant, "", { name: "Kapot", callback_url: `${CALLBACK}?cikey=X`, identity_link_url: IDENTITY, activate: true });
    callbackStatus = 200;
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toMatch(/answered 500/);
  });
});

describe("parsing the callback and the identity link", () => {
  const body = "oauth_consumer_key=ck&oauth_consumer_secret=cs&store_base_url=https%3A%2F%2Fshop.example%2F&oauth_verifier=v";

  it("reads the license key from ?cikey= and the four form fields", () => {
    expect(parseActivationCallback({ requestUrl: "https://app/cb?cikey=LIC", rawBody: body, contentType: "application/x-www-form-urlencoded" })).toEqual({
      licenseKey: "LIC", consumerKey: "ck", consumerSecret: "cs", storeBaseUrl: "https://shop.example/", verifier: "v",
    });
  });

  it.each([
    ["no cikey", "https://app/cb", body, /\?cikey=<your license key>/],
    ["no verifier", "https://app/cb?cikey=L", body.replace("&oauth_verifier=v", ""), /no "oauth_verifier"/],
    ["a store URL that is not one", "https://app/cb?cikey=L", body.replace("https%3A%2F%2Fshop.example%2F", "shop"), /not a web address/],
    ["broken JSON", "https://app/cb?cikey=L", "{oops", /not valid JSON/],
  ])("%s is refused precisely", async (_case, url, raw, message) => {
    const err = await caught(Promise.resolve().then(() => parseActivationCallback({ requestUrl: url, rawBody: raw })));
    expect(err).toMatchObject({ code: "invalid_payload" });
    expect(err.message).toMatch(message);
  });

  it("an identity link needs oauth_consumer_key and success_call_back", async () => {
    expect((await caught(Promise.resolve().then(() => parseIdentityLink("https://app/id?success_call_back=https://s/done")))).message).toMatch(/oauth_consumer_key/);
    expect((await caught(Promise.resolve().then(() => parseIdentityLink("https://app/id?oauth_consumer_key=k")))).message).toMatch(/success_call_back/);
  });
});

describe("Magento 2.4.4+: the four keys pasted into the credential form", () => {
  const tenant = "m2-manual";

  it("an integration without callback shows its keys on activation; the form checks them with a signed read", async () => {
    const res = await integrations(tenant, "", { name: "Handmatig", activate: true });
    const shown = (await res.json()) as Record<string, string>;
    expect(shown).toMatchObject({ status: "active" });
    const values = { storeUrl: `${baseUrlOf(tenant)}/`, consumerKey: shown.consumer_key!, consumerSecret: shown.consumer_secret!, accessToken: shown.access_token!, accessTokenSecret: shown.access_token_secret! };
    const stored = await magento2CredentialForm.connect({ baseUrl: "", values, fetch: sandboxFetch });
    expect(stored).toEqual({ consumerKey: values.consumerKey, consumerSecret: values.consumerSecret, accessToken: values.accessToken, accessTokenSecret: values.accessTokenSecret, storeBaseUrl: baseUrlOf(tenant) });

    const wrong = await caught(magento2CredentialForm.connect({ baseUrl: "", values: { ...values, accessTokenSecret: "x".repeat(32) }, fetch: sandboxFetch }));
    expect(wrong).toMatchObject({ code: "unauthorized" });
    expect(wrong.message).toMatch(/signature/);
    expect((await caught(magento2CredentialForm.connect({ baseUrl: "", values: { ...values, consumerSecret: " " }, fetch: sandboxFetch }))).message).toMatch(/consumer secret is missing/);
  });
});
