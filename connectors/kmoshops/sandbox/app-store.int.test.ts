import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";
import { caught } from "../../testing";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createKmoClient } from "../client";
import { appStoreInstallLink, verifyHandshake, verifyInstallRedirect, verifyUninstall, type KmoInstallHandshake } from "../install";
import { kmoshopsSourceSetup } from "../setup";
import { SANDBOX_APP, sandboxCredentials } from "./credentials";
import { headersOf, startServer } from "./test-harness";

const tenant = "appstore";
let t: TestDb;
let app: Awaited<ReturnType<typeof startServer>>;
let appSecret: string = SANDBOX_APP.secret;
/** What the app's routes stored, keyed by the state our install link carried (the license key, in the app). */
const connected = new Map<string, KmoInstallHandshake>();
const uninstalled: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  // The app's side, written with install.ts the way the app routes would use it, at the paths the
  // sandbox app store has registered for our app (SANDBOX_APP).
  app = await startServer((req, origin) => {
    const url = new URL(req.url, origin);
    try {
      if (req.method === "POST" && url.pathname === SANDBOX_APP.handshakePath) {
        const handshake = verifyHandshake({ rawBody: req.body, headers: headersOf(req), appSecret });
        connected.set(handshake.state ?? "", handshake);
        return { status: 200, body: "OK" };
      }
      if (req.method === "GET" && url.pathname === SANDBOX_APP.installPath) {
        const { shopId, state } = verifyInstallRedirect({ requestUrl: url, appSecret });
        if (connected.get(state ?? "")?.credentials.shopId !== shopId) return { status: 409, body: "no handshake for this shop" };
        return { status: 302, headers: { location: `${origin}/install/${state}#connections` } };
      }
      if (req.method === "POST" && url.pathname === SANDBOX_APP.uninstallPath) {
        uninstalled.push(verifyUninstall({ rawBody: req.body, headers: headersOf(req), appSecret }).shopId);
        return { status: 200, body: "OK" };
      }
    } catch (err) {
      return { status: 401, body: (err as Error).message };
    }
    return { status: 404 };
  });
});
afterAll(async () => { await app.close(); setDb(undefined); await t.close(); });

// The sandbox is served by the app itself, so its origin is the app's: here, the local server's.
const shopUrl = () => `${app.origin}/sandbox/kmoshops/${tenant}`;
const shop = (path: string, init?: RequestInit) => inProcessSandboxFetch(`${shopUrl()}/${path}`, { redirect: "manual", ...init });

describe("app-store install", () => {
  it("shows the shop's app page for our app, with an Install button", async () => {
    const link = appStoreInstallLink(shopUrl(), { appId: SANDBOX_APP.id, state: "LICENSE-1" });
    const page = await inProcessSandboxFetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Install app");
    expect((await shop("admin/apps/install?app=someone-else")).status).toBe(404);
  });

  it("handshake (signed, with the shop's credentials and the state) → signed redirect → the wizard, with the shop connected", async () => {
    const link = appStoreInstallLink(shopUrl(), { appId: SANDBOX_APP.id, state: "LICENSE-1" });
    const res = await inProcessSandboxFetch(link, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(connected.get("LICENSE-1")).toEqual({
      credentials: sandboxCredentials(tenant),
      baseUrl: shopUrl(),
      shopName: `Sandbox shop ${tenant}`,
      state: "LICENSE-1",
      returnUrl: `${shopUrl()}/admin/apps/installed`,
    });

    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${app.origin}${SANDBOX_APP.installPath}`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ shop_id: tenant, state: "LICENSE-1", language: "nl", timestamp: expect.stringMatching(/^\d+$/), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const landed = await fetch(location, { redirect: "manual" });
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe(`${app.origin}/install/LICENSE-1#connections`);

    // The handed-over credentials work: the wizard's connection test and webhook registration.
    const ctx = { baseUrl: connected.get("LICENSE-1")!.baseUrl, credentials: connected.get("LICENSE-1")!.credentials, fetch: inProcessSandboxFetch };
    await kmoshopsSourceSetup.testConnection(ctx);
    expect(await (await shop("admin/apps/installed")).text()).toContain("App installed");
  });

  it("aborts the install when the app refuses the handshake (another app secret)", async () => {
    appSecret = "not-the-sandbox-secret";
    try {
      const res = await shop("admin/apps/install?state=LICENSE-2", { method: "POST" });
      expect(res.status).toBe(502);
      expect(await res.text()).toContain("HTTP 401");
      expect(connected.has("LICENSE-2")).toBe(false);
    } finally {
      appSecret = SANDBOX_APP.secret;
    }
  });

  it("uninstall calls the app's uninstall URL signed, revokes the API key and forgets the webhooks", async () => {
    const ctx = { baseUrl: shopUrl(), credentials: sandboxCredentials(tenant), fetch: inProcessSandboxFetch };
    await kmoshopsSourceSetup.registerWebhooks!(ctx, `${app.origin}/api/webhooks/kmoshops/LICENSE-1`);
    const res = await shop("admin/apps/uninstall", { method: "POST" });
    expect(await res.text()).toContain("answered: 200");
    expect(uninstalled).toEqual([tenant]);
    expect(await caught(createKmoClient(ctx).getShop())).toMatchObject({ code: "unauthorized", message: expect.stringContaining("not installed") });
    expect((await shop("admin/apps/installed")).status).toBe(409);

    // Installing again restores access; the old webhooks are gone.
    await shop("admin/apps/install?state=LICENSE-3", { method: "POST" });
    expect(await createKmoClient(ctx).listWebhooks()).toEqual([]);
  });
});
