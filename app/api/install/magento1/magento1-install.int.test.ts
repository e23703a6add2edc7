import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sandboxCredentials } from "@/connectors/magento1/sandbox/credentials";
import type { AccountSession } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createOAuthState } from "@/lib/install/oauth-state";
import { magento1StartUrl } from "@/lib/install/magento1-connect";
import { APP, createInstallingIntegration, createMerchant, locationOf, noticeOf, sandboxBase, useAppFetch } from "@/lib/install/testing";
import { GET as callback } from "./callback/route";
import { GET as start } from "./start/route";

const session = vi.hoisted(() => ({ current: null as AccountSession | null }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

/**
 * Magento 1.9's Connect button through our routes against the sandbox shop in-process: start →
 * the admin's authorize page → Authorize (or Reject) → our callback → the webshop connected.
 */
const KEY = "M1-INSTALL-ROUTES";
const TENANT = KEY.toLowerCase();
const shop = () => sandboxBase("magento1", TENANT);
const entered = () => ({ adminUrl: `${shop()}/admin`, consumerKey: sandboxCredentials(TENANT).consumerKey, consumerSecret: sandboxCredentials(TENANT).consumerSecret });

let t: TestDb;
let net: ReturnType<typeof useAppFetch>;
let owner: Awaited<ReturnType<typeof createMerchant>>;
let integrationId: string;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  net = useAppFetch({});
  owner = await createMerchant(t.db, "m1-owner@example.com");
  integrationId = (await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: KEY, source: "magento1", target: "rompslomp", sourceCredentials: entered() })).id;
});
afterAll(async () => { net.restore(); setDb(undefined); await t.close(); });
beforeEach(() => { session.current = null; });

const source = (id = integrationId) => t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId: id, side: "source" } } });

/** The admin in the shop's backend: the authorize page, then Authorize or Reject; returns where Magento sends the browser. */
async function inMagentoAdmin(authorizeUrl: URL, button: "confirm" | "reject"): Promise<Request> {
  const page = await (await fetch(authorizeUrl)).text();
  expect(page).toContain("requests access to your account");
  const token = /name="oauth_token" value="([^"]+)"/.exec(page)![1]!;
  const res = await fetch(`${shop()}/admin/oauth_authorize/${button}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `oauth_token=${token}`, redirect: "manual" });
  expect(res.status).toBe(302);
  return new Request(res.headers.get("location")!);
}

describe("Magento 1.9 start and callback routes", () => {
  it("Connect → Authorize → the access token is stored with the store as baseUrl, the dot green", async () => {
    const started = await start(new Request(magento1StartUrl(KEY)));
    expect(started.status).toBe(307);
    const authorizeUrl = locationOf(started);
    expect(authorizeUrl.toString()).toMatch(new RegExp(`^${shop()}/admin/oauth_authorize\\?oauth_token=`));
    const pending = await t.db.pendingInstall.findFirstOrThrow({ where: { system: "magento1", integrationId } });
    expect(pending.payloadEnc).not.toContain(entered().consumerSecret);

    const back = await inMagentoAdmin(authorizeUrl, "confirm");
    expect(back.url.startsWith(`${APP()}/api/install/magento1/callback?state=`)).toBe(true);
    const done = await callback(back);
    expect(done.status).toBe(307);
    expect(locationOf(done).pathname).toBe(`/install/${KEY}`);
    expect(locationOf(done).hash).toBe("#connections");
    expect(noticeOf(done)).toBe("Magento 1.9 webshop connected.");

    const connection = await source();
    expect(connection).toMatchObject({ baseUrl: shop(), status: "ok", statusDetail: null });
    const keys = openCredentials<Record<string, string>>(connection.credentialsEnc!);
    expect(keys).toMatchObject({ ...entered(), accessToken: expect.stringMatching(/^[0-9a-f]{32}$/), accessTokenSecret: expect.stringMatching(/^[0-9a-f]{32}$/) });

    // The same callback again (a reload, a replay): the request token is used up.
    const replay = await callback(new Request(back.url));
    expect(noticeOf(replay)).toMatch(/already used or has expired/);
    expect((await source()).status).toBe("error");
  });

  it("Reject in Magento: the dot turns red with Magento's refusal", async () => {
    const started = await start(new Request(magento1StartUrl(KEY)));
    const back = await inMagentoAdmin(locationOf(started), "reject");
    const res = await callback(back);
    expect(noticeOf(res)).toMatch(/did not authorize the connection/);
    expect(await source()).toMatchObject({ status: "error", statusDetail: expect.stringMatching(/did not authorize/) });
  });

  it("a wrong consumer secret is refused at once, with the reason on the wizard", async () => {
    const wrong = await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "M1-WRONG-SECRET", source: "magento1", target: "rompslomp", sourceCredentials: { ...entered(), consumerSecret: "0".repeat(32) } });
    const res = await start(new Request(magento1StartUrl("M1-WRONG-SECRET")));
    expect(res.status).toBe(307);
    expect(locationOf(res).pathname).toBe("/install/M1-WRONG-SECRET");
    expect(noticeOf(res)).toMatch(/consumer secret does not belong to the consumer key/);
    expect((await source(wrong.id)).status).toBe("error");
  });

  it("asks for the admin URL and keys before connecting", async () => {
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "M1-NOTHING-ENTERED", source: "magento1", target: "rompslomp" });
    expect(noticeOf(await start(new Request(magento1StartUrl("M1-NOTHING-ENTERED"))))).toMatch(/Fill in the admin URL, consumer key and consumer secret/);
  });

  it("refuses unknown license keys, other systems, and installed integrations of someone else", async () => {
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "M1-IS-CCV", source: "ccvshop", target: "wefact" });
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "M1-ACTIVE", source: "magento1", target: "rompslomp", status: "active", sourceCredentials: entered() });
    expect((await start(new Request(magento1StartUrl("NO-SUCH-KEY")))).status).toBe(404);
    expect((await start(new Request(magento1StartUrl("M1-IS-CCV")))).status).toBe(404);
    expect((await start(new Request(magento1StartUrl("M1-ACTIVE")))).status).toBe(404);
    session.current = { userId: owner.userId, accountId: owner.accountId, email: owner.email };
    expect((await start(new Request(magento1StartUrl("M1-ACTIVE")))).status).toBe(307);
  });

  it("refuses a forged or expired state, and a state for another system's integration", async () => {
    const forged = await callback(new Request(`${APP()}/api/install/magento1/callback?state=abc.def&oauth_token=t&oauth_verifier=v`));
    expect(forged.status).toBe(400);
    expect((await forged.json()).message).toMatch(/expired or is not valid/);
    const expired = createOAuthState(KEY, Date.now() - 31 * 60_000);
    expect((await callback(new Request(`${APP()}/api/install/magento1/callback?state=${encodeURIComponent(expired)}&oauth_token=t&oauth_verifier=v`))).status).toBe(400);
    const other = createOAuthState("M1-IS-CCV");
    expect((await callback(new Request(`${APP()}/api/install/magento1/callback?state=${encodeURIComponent(other)}&oauth_token=t&oauth_verifier=v`))).status).toBe(404);
  });
});
