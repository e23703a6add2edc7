import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountSession } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { magento2CallbackUrl, magento2IdentityLink } from "@/lib/install/magento2-identity";
import { APP, createInstallingIntegration, createMerchant, errorOf, formPost, locationOf, noticeOf, sandboxBase, useAppFetch } from "@/lib/install/testing";
import { POST as callback } from "./callback/route";
import { POST as consent } from "./consent/route";

const session = vi.hoisted(() => ({ current: null as AccountSession | null }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

/**
 * The Magento 2 activation handshake through our routes, against the sandbox shop in-process:
 * Activate in Magento → our callback keeps the keys → the merchant consents on the identity link
 * page → tokens exchanged, the webshop connected, Magento shows the integration Active.
 */
const KEY = "M2-INSTALL-ROUTES";
const TENANT = "m2-install-routes";
const shop = () => sandboxBase("magento2", TENANT);

let t: TestDb;
let owner: Awaited<ReturnType<typeof createMerchant>>;
let stranger: Awaited<ReturnType<typeof createMerchant>>;
let integrationId: string;
let net: ReturnType<typeof useAppFetch>;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  owner = await createMerchant(t.db, "m2-owner@example.com");
  stranger = await createMerchant(t.db, "m2-stranger@example.com");
  integrationId = (await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: KEY, source: "magento2", target: "rompslomp" })).id;
  await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "M2-OTHER-SYSTEM", source: "ccvshop", target: "wefact" });
  net = useAppFetch({ "/api/install/magento2/callback": { POST: callback } });
});
afterAll(async () => { net.restore(); setDb(undefined); await t.close(); });
beforeEach(() => { session.current = null; });

const signedIn = (who: typeof owner) => { session.current = { userId: who.userId, accountId: who.accountId, email: who.email }; };

/** System > Extensions > Integrations > Add New (Save & Activate), as the merchant does it in Magento. */
async function activate(licenseKey = KEY) {
  const res = await fetch(`${shop()}/admin/integrations`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ name: "Boekkoppeling", callback_url: magento2CallbackUrl(licenseKey), identity_link_url: magento2IdentityLink(), activate: true }),
  });
  return { status: res.status, body: (await res.json()) as { id: number; status: string; identity_link: string | null; message?: string } };
}

/** The identity link's parameters, as the consent form carries them. */
function identity(link: string) {
  const url = new URL(link);
  return { consumerKey: url.searchParams.get("oauth_consumer_key")!, successCallback: url.searchParams.get("success_call_back")! };
}

const consentWith = (link: string, fields: { domain?: string; connectionKey?: string } = {}) =>
  consent(formPost(`${APP()}/api/install/magento2/consent`, { ...identity(link), domain: fields.domain ?? "localhost", connectionKey: fields.connectionKey ?? KEY.toLowerCase() }));

const source = () => t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "source" } } });

describe("Magento 2 callback route", () => {
  it("keeps Magento's keys sealed as a pending activation and answers 200", async () => {
    const { status, body } = await activate();
    expect(status).toBe(200);
    expect(body.status).toBe("inactive");
    expect(body.identity_link).toMatch(new RegExp(`^${magento2IdentityLink()}\\?oauth_consumer_key=`));
    const delivered = net.delivered.at(-1)!;
    expect(delivered.status).toBe(200);
    const consumerSecret = new URLSearchParams(delivered.body).get("oauth_consumer_secret")!;
    const pending = await t.db.pendingInstall.findUniqueOrThrow({ where: { system_shopKey: { system: "magento2", shopKey: identity(body.identity_link!).consumerKey } } });
    expect(pending.integrationId).toBe(integrationId);
    expect(pending.payloadEnc).not.toContain(consumerSecret);
    expect(openCredentials<{ storeBaseUrl: string }>(pending.payloadEnc).storeBaseUrl).toBe(`${shop()}/`);
  });

  it("refuses an unknown license key, another system's key and a callback without one; Magento then reports it", async () => {
    const unknown = await activate("NO-SUCH-KEY");
    expect(unknown.status).toBe(502);
    expect(unknown.body.message).toMatch(/answered 404: .*no Magento 2 integration with license key NO-SUCH-KEY/);
    expect((await activate("M2-OTHER-SYSTEM")).status).toBe(502);

    const body = "oauth_consumer_key=k&oauth_consumer_secret=s&store_base_url=https%3A%2F%2Fshop.example%2F&oauth_verifier=v";
    const noKey = await callback(new Request(`${APP()}/api/install/magento2/callback`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).message).toMatch(/\?cikey=<your license key>/);
    const noVerifier = await callback(new Request(magento2CallbackUrl(KEY), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.replace("&oauth_verifier=v", "") }));
    expect(noVerifier.status).toBe(400);
    expect((await noVerifier.json()).message).toMatch(/no "oauth_verifier"/);
  });
});

describe("Magento 2 consent route", () => {
  it("needs the logged-in owner, the shop's domain and the license key", async () => {
    const { body } = await activate();
    const link = body.identity_link!;

    expect(errorOf(await consentWith(link))).toMatch(/Log in first/);
    signedIn(stranger);
    expect(errorOf(await consentWith(link))).toMatch(/integration of another account/);
    signedIn(owner);
    const wrongKey = await consentWith(link, { connectionKey: "WRONG-KEY" });
    expect(wrongKey.status).toBe(303);
    expect(locationOf(wrongKey).pathname).toBe("/install/magento2/identity");
    expect(locationOf(wrongKey).searchParams.get("oauth_consumer_key")).toBe(identity(link).consumerKey);
    expect(errorOf(wrongKey)).toMatch(/connection key is not the one/);
    expect(errorOf(await consentWith(link, { domain: "www.other-shop.nl" }))).toMatch(/does not match the shop that activated the integration \(localhost\)/);
    expect((await source()).credentialsEnc).toBeNull();
  });

  it("exchanges the tokens, stores them with the store as baseUrl, and sends the browser back to Magento (Active)", async () => {
    const { body } = await activate();
    signedIn(owner);
    const res = await consentWith(body.identity_link!);
    expect(res.status).toBe(303);
    expect(locationOf(res).toString()).toBe(`${shop()}/admin/integrations/${body.id}/done`);

    const connection = await source();
    expect(connection).toMatchObject({ baseUrl: shop(), status: "ok", statusDetail: null });
    const keys = openCredentials<Record<string, string>>(connection.credentialsEnc!);
    expect(Object.keys(keys).sort()).toEqual(["accessToken", "accessTokenSecret", "consumerKey", "consumerSecret"]);
    expect(keys.consumerKey).toBe(identity(body.identity_link!).consumerKey);
    expect(await (await fetch(locationOf(res))).text()).toContain(">Active<");

    // Consenting again (a double click, a replayed form): the activation is used up.
    expect(errorOf(await consentWith(body.identity_link!))).toMatch(/Click Activate \(or Reauthorize\)/);
  });

  it("a replayed callback's verifier is refused by Magento: the dot turns red with the reason", async () => {
    const { body } = await activate();
    const replay = net.delivered.at(-1)!;
    signedIn(owner);
    await consentWith(body.identity_link!);
    const again = await callback(new Request(replay.url, { method: "POST", headers: replay.headers, body: replay.body }));
    expect(again.status).toBe(200);
    const res = await consentWith(body.identity_link!);
    expect(errorOf(res)).toMatch(/Magento refused to issue the OAuth tokens.*Reauthorize/);
    expect(await source()).toMatchObject({ status: "error", statusDetail: expect.stringMatching(/refused to issue the OAuth tokens/) });
  });

  it("after the Consumer Key Expiration Period the merchant is told to click Reauthorize", async () => {
    await fetch(`${shop()}/_admin/options`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ consumerKeyExpirySeconds: 0 }) });
    try {
      const { body } = await activate();
      await new Promise((r) => setTimeout(r, 5));
      signedIn(owner);
      const res = await consentWith(body.identity_link!);
      expect(errorOf(res)).toMatch(/consumer key has expired.*Click Reauthorize/);
      expect((await source()).status).toBe("error");
    } finally {
      await fetch(`${shop()}/_admin/options`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ consumerKeyExpirySeconds: 300 }) });
    }
  });

  it("never follows a success_call_back that points away from the store", async () => {
    const { body } = await activate();
    signedIn(owner);
    const res = await consent(formPost(`${APP()}/api/install/magento2/consent`, {
      consumerKey: identity(body.identity_link!).consumerKey, successCallback: "https://evil.example/steal", domain: "localhost", connectionKey: KEY,
    }));
    expect(res.status).toBe(303);
    expect(locationOf(res).pathname).toBe(`/install/${KEY}`);
    expect(noticeOf(res)).toBe("Magento 2 webshop connected.");
  });
});
