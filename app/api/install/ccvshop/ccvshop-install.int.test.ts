import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SANDBOX_APP_SECRET, sandboxCredentials } from "@/connectors/ccvshop/sandbox/credentials";
import { appStoreHash } from "@/connectors/ccvshop/signing";
import type { AccountSession } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { ccvshopInstallUrl, ccvshopUninstallUrl } from "@/lib/install/ccvshop-app-urls";
import { createClaimToken } from "@/lib/install/claim-token";
import { APP, createInstallingIntegration, createMerchant, errorOf, formPost, locationOf, noticeOf, sandboxBase, useAppFetch } from "@/lib/install/testing";
import { POST as claim } from "../claim/route";
import { GET as install, POST as handshake } from "./route";
import { POST as uninstall } from "./uninstall/route";

const session = vi.hoisted(() => ({ current: null as AccountSession | null }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

/**
 * The CCV Shop App Store install through our routes, the sandbox shop's App Store in-process:
 * Install app → handshake → signed redirect → the merchant logs in and picks the integration →
 * keys stored, the app marked installed in the shop → the wizard. Then the removal of the app.
 */
const KEY = "CCV-INSTALL-ROUTES";
const TENANT = "ccv-install-routes";
const STORE = "onderhoud/AdminItems/AppStore";
const shop = () => sandboxBase("ccvshop", TENANT);

let t: TestDb;
let net: ReturnType<typeof useAppFetch>;
let owner: Awaited<ReturnType<typeof createMerchant>>;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  net = useAppFetch({ "/api/install/ccvshop": { POST: handshake, GET: install }, "/api/install/ccvshop/uninstall": { POST: uninstall } });
  owner = await createMerchant(t.db, "ccv-owner@example.com");
  await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: KEY, source: "ccvshop", target: "rompslomp" });
});
afterAll(async () => { net.restore(); setDb(undefined); await t.close(); });
beforeEach(() => { session.current = null; });

const signIn = () => { session.current = { userId: owner.userId, accountId: owner.accountId, email: owner.email }; };
const source = async () => (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY }, include: { connections: true } })).connections.find((c) => c.side === "source")!;
const appStorePage = (tenant = TENANT) =>
  `${sandboxBase("ccvshop", tenant)}/${STORE}/AppStore.Install.php?install_url=${encodeURIComponent(ccvshopInstallUrl())}&uninstall_url=${encodeURIComponent(ccvshopUninstallUrl())}`;
const returnPage = () => fetch(`${shop()}/${STORE}/AppStore.Return.php?Id=12970`);

/** A handshake as CCV hashes it (PHP's escaped slashes), for the refusals. */
function signedHandshake(body: Record<string, unknown>, secret = SANDBOX_APP_SECRET) {
  const raw = JSON.stringify(body).replace(/\//g, "\\/");
  return new Request(ccvshopInstallUrl(), { method: "POST", headers: { "content-type": "application/json", "x-hash": appStoreHash(secret, ccvshopInstallUrl(), raw) }, body: raw });
}

describe("CCV Shop App Store install", () => {
  it("Install app → handshake kept sealed → redirect → log in and pick → keys stored, app marked installed, wizard", async () => {
    expect(await (await fetch(appStorePage())).text()).toContain("Install app");
    const res = await fetch(appStorePage(), { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(net.delivered.at(-1)).toMatchObject({ method: "POST", url: ccvshopInstallUrl(), status: 200 });
    const pending = await t.db.pendingInstall.findUniqueOrThrow({ where: { system_shopKey: { system: "ccvshop", shopKey: `pk_${TENANT}` } } });
    expect(pending.payloadEnc).not.toContain(sandboxCredentials(TENANT).secretKey);

    // The same handshake delivered again only replaces itself.
    const replay = net.delivered.at(-1)!;
    expect((await handshake(new Request(replay.url, { method: "POST", headers: replay.headers, body: replay.body }))).status).toBe(200);
    expect(await t.db.pendingInstall.count({ where: { system: "ccvshop", completedAt: null } })).toBe(1);

    const toPicker = await install(new Request(res.headers.get("location")!));
    expect(toPicker.status).toBe(303);
    expect(locationOf(toPicker).pathname).toBe("/install/app-store/ccvshop");
    const token = locationOf(toPicker).searchParams.get("claim")!;
    expect((await returnPage()).status).toBe(409); // not installed until we say so

    expect(errorOf(await claim(formPost(`${APP()}/api/install/claim`, { claim: token, integration: KEY })))).toBe("Log in first.");
    signIn();
    expect(errorOf(await claim(formPost(`${APP()}/api/install/claim`, { claim: token, licenseKey: "NO-SUCH-KEY" })))).toMatch(/no integration with license key NO-SUCH-KEY/);
    const done = await claim(formPost(`${APP()}/api/install/claim`, { claim: token, integration: KEY }));
    expect(done.status).toBe(303);
    expect(locationOf(done).pathname).toBe(`/install/${KEY}`);
    expect(locationOf(done).hash).toBe("#connections");
    expect(noticeOf(done)).toBe("CCV Shop webshop connected.");

    expect(await source()).toMatchObject({ baseUrl: shop(), status: "ok" });
    expect(openCredentials((await source()).credentialsEnc!)).toEqual(sandboxCredentials(TENANT));
    expect(await (await returnPage()).text()).toContain("App installed");

    // The redirect again, after the install was completed.
    const again = await install(new Request(res.headers.get("location")!));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already completed");
  });

  it("refuses a wrong hash, a body without keys, and the sandbox secret for a real shop", async () => {
    const body = { api_public: "pk_x", api_secret: "s", api_root: sandboxBase("ccvshop", "ccv-x"), return_url: `${sandboxBase("ccvshop", "ccv-x")}/${STORE}/AppStore.Return.php?Id=1` };
    const wrong = await handshake(signedHandshake(body, "not-our-secret"));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toMatch(/not signed with our App Secret Key/);
    expect((await handshake(signedHandshake({ ...body, api_secret: undefined }))).status).toBe(400);
    const real = await handshake(signedHandshake({ ...body, api_root: "https://www.real-shop.nl" }));
    expect(real.status).toBe(401);
    expect((await real.json()).message).toMatch(/only valid for sandbox shops/);
  });

  it("refuses an install link with a wrong hash, and a claim ticket that has expired", async () => {
    const url = new URL(ccvshopInstallUrl());
    url.searchParams.set("api_public", `pk_${TENANT}`);
    url.searchParams.set("x-hash", appStoreHash("not-our-secret", ccvshopInstallUrl(), `pk_${TENANT}`));
    const res = await install(new Request(url));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("not signed with our App Secret Key");

    const stale = createClaimToken("ccvshop", "whatever", Date.now() - 31 * 60_000);
    signIn();
    expect((await claim(formPost(`${APP()}/api/install/claim`, { claim: stale, integration: KEY }))).status).toBe(400);
  });

  it("removing the app forgets the keys and turns the dot red; an unsigned call changes nothing", async () => {
    const unsigned = await uninstall(new Request(ccvshopUninstallUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ api_public: `pk_${TENANT}` }) }));
    expect(unsigned.status).toBe(401);
    expect((await source()).credentialsEnc).not.toBeNull();

    const res = await fetch(`${shop()}/${STORE}/AppStore.Uninstall.php`, { method: "POST" });
    expect(await res.text()).toContain("answered: 200");
    expect(await source()).toMatchObject({ credentialsEnc: null, status: "error", statusDetail: expect.stringMatching(/removed from your CCV Shop backend/) });
    // Still installing: it stays open for a new install.
    expect((await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).status).toBe("installing");
  });
});
