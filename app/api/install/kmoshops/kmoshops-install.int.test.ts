import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { installCallSignature, installRedirectSignature } from "@/connectors/kmoshops/contract";
import { SANDBOX_APP, sandboxCredentials } from "@/connectors/kmoshops/sandbox/credentials";
import type { AccountSession } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { kmoshopsInstallLink } from "@/lib/install/kmoshops-install-link";
import { createOAuthState } from "@/lib/install/oauth-state";
import { APP, createInstallingIntegration, createMerchant, errorOf, formPost, locationOf, noticeOf, sandboxBase, useAppFetch } from "@/lib/install/testing";
import { POST as claim } from "../claim/route";
import { POST as handshake } from "./handshake/route";
import { GET as install } from "./install/route";
import { POST as uninstall } from "./uninstall/route";

const session = vi.hoisted(() => ({ current: null as AccountSession | null }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

/**
 * The KMO Shops app-store install through our routes, the sandbox shop's app store in-process:
 * from our install link (state: the shop is attached at once) and from the shop's backend (no
 * state: the merchant logs in and picks the integration), then the removal of the app.
 */
let t: TestDb;
let net: ReturnType<typeof useAppFetch>;
let owner: Awaited<ReturnType<typeof createMerchant>>;
let stranger: Awaited<ReturnType<typeof createMerchant>>;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  net = useAppFetch({
    "/api/install/kmoshops/handshake": { POST: handshake },
    "/api/install/kmoshops/install": { GET: install },
    "/api/install/kmoshops/uninstall": { POST: uninstall },
  });
  owner = await createMerchant(t.db, "kmo-owner@example.com");
  stranger = await createMerchant(t.db, "kmo-stranger@example.com");
});
afterAll(async () => { net.restore(); setDb(undefined); await t.close(); });
beforeEach(() => { session.current = null; });

const signIn = (who: typeof owner) => { session.current = { userId: who.userId, accountId: who.accountId, email: who.email }; };
const shop = (tenant: string) => sandboxBase("kmoshops", tenant);
const integration = (licenseKey: string) => t.db.integration.findUniqueOrThrow({ where: { licenseKey }, include: { connections: true, settings: true } });
const sourceOf = async (licenseKey: string) => (await integration(licenseKey)).connections.find((c) => c.side === "source")!;

/** The merchant clicks "Install app" on the shop's app-store page; returns where KMO sends the browser. */
async function clickInstall(tenant: string, state?: string) {
  const page = `${shop(tenant)}/admin/apps/install?app=${SANDBOX_APP.id}${state ? `&state=${encodeURIComponent(state)}` : ""}`;
  expect((await fetch(page)).status).toBe(200);
  return fetch(page, { method: "POST", redirect: "manual" });
}

/** A handshake as KMO signs it, for the refusals. */
function signedHandshake(body: Record<string, unknown>, options: { secret?: string; ageSeconds?: number } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  return new Request(`${APP()}/api/install/kmoshops/handshake`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-kmo-timestamp": timestamp, "x-kmo-signature": installCallSignature(options.secret ?? SANDBOX_APP.secret, timestamp, raw) },
    body: raw,
  });
}
const handshakeBody = (tenant: string, extra: Record<string, unknown> = {}) => ({
  shop_id: tenant, shop_name: "Test shop", api_root: shop(tenant), api_key: sandboxCredentials(tenant).apiKey, webhook_secret: sandboxCredentials(tenant).webhookSecret, state: null, return_url: null, ...extra,
});

describe("KMO Shops install from our install link (state)", () => {
  it("the handshake connects the integration; the redirect tests the key and opens the wizard", async () => {
    const key = "KMO-LINKED";
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: key, source: "kmoshops", target: "factuursturen" });
    const link = kmoshopsInstallLink(shop("kmo-linked"), key)!;
    expect(link).toMatch(new RegExp(`^${shop("kmo-linked")}/admin/apps/install\\?app=boekkoppeling&state=`));

    const res = await fetch(link, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(net.delivered.at(-1)).toMatchObject({ method: "POST", status: 200 });
    expect(openCredentials((await sourceOf(key)).credentialsEnc!)).toEqual({ ...sandboxCredentials("kmo-linked") });

    const done = await install(new Request(res.headers.get("location")!));
    expect(done.status).toBe(303);
    expect(locationOf(done).pathname).toBe(`/install/${key}`);
    expect(noticeOf(done)).toBe("KMO Shops webshop connected.");
    expect(await sourceOf(key)).toMatchObject({ baseUrl: shop("kmo-linked"), status: "ok" });
    expect((await integration(key)).settings.find((s) => s.key === "appStore")?.value).toMatchObject({ system: "kmoshops", shopId: "kmo-linked", returnUrl: `${shop("kmo-linked")}/admin/apps/installed` });
  });

  it("refuses an expired or forged state, and a state naming no KMO integration; KMO then aborts", async () => {
    const expired = createOAuthState("KMO-LINKED", Date.now() - 31 * 60_000);
    const res = await fetch(`${shop("kmo-expired")}/admin/apps/install?app=boekkoppeling&state=${encodeURIComponent(expired)}`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("HTTP 400");
    expect((await handshake(signedHandshake(handshakeBody("kmo-x", { state: createOAuthState("NO-SUCH-KEY") })))).status).toBe(404);
  });
});

describe("KMO Shops install from the shop's backend (no state)", () => {
  it("handshake waits; the redirect sends the merchant to log in and pick; the claim connects the shop", async () => {
    const key = "KMO-PICKED";
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: key, source: "kmoshops", target: "factuursturen" });
    const res = await clickInstall("kmo-picked");
    expect(res.status).toBe(303);
    const pending = await t.db.pendingInstall.findUniqueOrThrow({ where: { system_shopKey: { system: "kmoshops", shopKey: "kmo-picked" } } });
    expect(pending.integrationId).toBeNull();
    expect(pending.payloadEnc).not.toContain(sandboxCredentials("kmo-picked").apiKey);

    const toPicker = await install(new Request(res.headers.get("location")!));
    expect(toPicker.status).toBe(303);
    const picker = locationOf(toPicker);
    expect(picker.pathname).toBe("/install/app-store/kmoshops");
    const token = picker.searchParams.get("claim")!;
    const pick = (fields: Record<string, string>) => claim(formPost(`${APP()}/api/install/claim`, { claim: token, ...fields }));

    expect(errorOf(await pick({ integration: key }))).toBe("Log in first.");
    signIn(stranger);
    expect(errorOf(await pick({ integration: key }))).toBe(`There is no integration with license key ${key} in your account.`);
    signIn(owner);
    await createInstallingIntegration(t.db, { accountId: owner.accountId, licenseKey: "KMO-IS-CCV", source: "ccvshop", target: "wefact" });
    expect(errorOf(await pick({ licenseKey: "kmo-is-ccv" }))).toBe("License key KMO-IS-CCV is for a CCV Shop webshop, not KMO Shops.");
    expect(errorOf(await pick({}))).toBe("Choose an integration or enter its license key.");
    expect((await sourceOf(key)).credentialsEnc).toBeNull();

    const done = await pick({ integration: "", licenseKey: key.toLowerCase() });
    expect(done.status).toBe(303);
    expect(locationOf(done).pathname).toBe(`/install/${key}`);
    expect(noticeOf(done)).toBe("KMO Shops webshop connected.");
    expect(await sourceOf(key)).toMatchObject({ baseUrl: shop("kmo-picked"), status: "ok" });
    expect(openCredentials((await sourceOf(key)).credentialsEnc!)).toEqual(sandboxCredentials("kmo-picked"));

    // The ticket and the redirect are used up.
    expect((await pick({ integration: key })).status).toBe(410);
    const again = await install(new Request(res.headers.get("location")!));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already completed, or it has expired");
  });

  it("a forged claim ticket is refused", async () => {
    const res = await claim(formPost(`${APP()}/api/install/claim`, { claim: createOAuthState("KMO-PICKED"), integration: "KMO-PICKED" }));
    expect(res.status).toBe(400);
  });
});

describe("KMO Shops handshake refusals", () => {
  it("a wrong signature (401), a stale timestamp (401), a replay (409), a body without keys (400)", async () => {
    const wrong = await handshake(signedHandshake(handshakeBody("kmo-refuse"), { secret: "not-our-secret" }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toMatch(/not signed with our app secret/);

    const stale = await handshake(signedHandshake(handshakeBody("kmo-refuse"), { ageSeconds: 11 * 60 }));
    expect(stale.status).toBe(401);
    expect((await stale.json()).message).toMatch(/too old/);

    const request = signedHandshake(handshakeBody("kmo-refuse"));
    const replay = request.clone();
    expect((await handshake(request)).status).toBe(200);
    const replayed = await handshake(replay);
    expect(replayed.status).toBe(409);
    expect((await replayed.json()).error).toBe("replayed");

    const noKey = await handshake(signedHandshake({ ...handshakeBody("kmo-refuse"), api_key: undefined }));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).message).toMatch(/no valid "api_key"/);
  });

  it("the sandbox secret vouches for sandbox shops only", async () => {
    const res = await handshake(signedHandshake(handshakeBody("kmo-real", { api_root: "https://real-shop.kmoshops.be" })));
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/only valid for sandbox shops/);
  });

  it("an install redirect with a wrong signature or a stale timestamp is refused with a readable page", async () => {
    const params = { shop_id: "kmo-refuse", timestamp: String(Math.floor(Date.now() / 1000)), language: "nl" };
    const url = new URL(`${APP()}/api/install/kmoshops/install`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set("signature", installRedirectSignature("not-our-secret", params));
    const forged = await install(new Request(url));
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-type")).toMatch(/text\/html/);
    const old = { ...params, timestamp: String(Math.floor(Date.now() / 1000) - 3600) };
    url.searchParams.set("timestamp", old.timestamp);
    url.searchParams.set("signature", installRedirectSignature(SANDBOX_APP.secret, old));
    expect(await (await install(new Request(url))).text()).toContain("too old");
  });
});

describe("KMO Shops uninstall", () => {
  it("removing the app forgets the keys, turns the dot red and cancels an installed integration", async () => {
    await t.db.integration.update({ where: { licenseKey: "KMO-LINKED" }, data: { status: "active" } });
    const res = await fetch(`${shop("kmo-linked")}/admin/apps/uninstall`, { method: "POST" });
    expect(await res.text()).toContain("answered: 200");
    const linked = await integration("KMO-LINKED");
    expect(linked.status).toBe("cancelled");
    expect(linked.connections.find((c) => c.side === "source")).toMatchObject({ credentialsEnc: null, status: "error", statusDetail: expect.stringMatching(/removed from your KMO Shops backend/) });
    // Another shop's integration is untouched.
    expect((await sourceOf("KMO-PICKED")).credentialsEnc).not.toBeNull();
  });

  it("an unsigned uninstall call is refused and changes nothing", async () => {
    const res = await uninstall(new Request(`${APP()}/api/install/kmoshops/uninstall`, { method: "POST", headers: { "content-type": "application/json", "x-kmo-timestamp": String(Math.floor(Date.now() / 1000)) }, body: JSON.stringify({ shop_id: "kmo-picked" }) }));
    expect(res.status).toBe(401);
    expect((await sourceOf("KMO-PICKED")).credentialsEnc).not.toBeNull();
  });
});
