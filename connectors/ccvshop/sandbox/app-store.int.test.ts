import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createCcvClient } from "../client";
import { markAppInstalled, verifyHandshake, verifyInstallRedirect, verifyUninstall, type InstallHandshake } from "../install";
import { SANDBOX_APP_SECRET, sandboxCredentials } from "./credentials";
import { baseUrlOf, callSandbox, sandboxFetch, startServer } from "./test-harness";

const tenant = "appstore";
const STORE = "onderhoud/AdminItems/AppStore";

let t: TestDb;
let app: Awaited<ReturnType<typeof startServer>>;
const handshakes: InstallHandshake[] = [];
let appSecret = SANDBOX_APP_SECRET;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  // The app's side, written with install.ts the way the app routes would use it.
  app = await startServer(async (req) => {
    const url = `${app.origin}${req.url}`;
    const path = new URL(url).pathname;
    try {
      if (req.method === "POST" && path === "/api/ccvshop/handshake") {
        handshakes.push(verifyHandshake({ handshakeUrl: `${app.origin}/api/ccvshop/handshake`, rawBody: req.body, hash: req.headers["x-hash"] as string, appSecret }));
        return { status: 200, body: "OK" };
      }
      if (req.method === "GET" && path === "/install/ccvshop") {
        const { apiPublic } = verifyInstallRedirect({ installUrl: `${app.origin}/install/ccvshop`, requestUrl: url, appSecret });
        const handshake = handshakes.find((h) => h.credentials.publicKey === apiPublic)!;
        await markAppInstalled(createCcvClient({ baseUrl: handshake.baseUrl, credentials: handshake.credentials, fetch: sandboxFetch }, { throttle: false }));
        return { status: 302, headers: { location: handshake.returnUrl } };
      }
      if (req.method === "POST" && path === "/api/ccvshop/uninstall") {
        verifyUninstall({ uninstallUrl: `${app.origin}/api/ccvshop/uninstall`, rawBody: req.body, hash: req.headers["x-hash"] as string, appSecret });
        return { status: 200, body: "OK" };
      }
    } catch (err) {
      return { status: 401, body: (err as Error).message };
    }
    return { status: 404 };
  });
});
afterAll(async () => { await app.close(); setDb(undefined); await t.close(); });

const installLink = () =>
  `${STORE}/AppStore.Install.php?install_url=${encodeURIComponent(`${app.origin}/install/ccvshop`)}&handshake_url=${encodeURIComponent(`${app.origin}/api/ccvshop/handshake`)}&uninstall_url=${encodeURIComponent(`${app.origin}/api/ccvshop/uninstall`)}`;

describe("App Store install flow", () => {
  it("shows an install page with a button", async () => {
    const page = await callSandbox(tenant, "GET", installLink());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Install app");
    expect((await callSandbox(tenant, "GET", `${STORE}/AppStore.Install.php`)).status).toBe(400);
  });

  it("handshake (signed POST with the tenant's keys and api_root) → install redirect (signed) → app marks itself installed → return page", async () => {
    const res = await callSandbox(tenant, "POST", installLink());
    expect(res.status).toBe(303);
    expect(handshakes).toHaveLength(1);
    expect(handshakes[0]).toEqual({
      credentials: sandboxCredentials(tenant),
      baseUrl: baseUrlOf(tenant),
      returnUrl: `${baseUrlOf(tenant)}/${STORE}/AppStore.Return.php?Id=12970`,
    });
    const rawHandshake = app.received.find((r) => r.url === "/api/ccvshop/handshake")!.body;
    expect(rawHandshake).toContain(String.raw`"api_root":"http:\/\/app.test\/sandbox\/ccvshop\/appstore"`); // PHP's escaped slashes

    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${app.origin}/install/ccvshop`);
    expect(location.searchParams.get("api_public")).toBe(`pk_${tenant}`);
    expect((await callSandbox(tenant, "GET", `${STORE}/AppStore.Return.php?Id=12970`)).status).toBe(409); // not yet marked installed

    const installed = await fetch(location, { redirect: "manual" });
    expect(installed.status).toBe(302);
    const back = new URL(installed.headers.get("location")!);
    const done = await callSandbox(tenant, "GET", back.pathname.replace(`/sandbox/ccvshop/${tenant}/`, "") + back.search);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("App installed");
  });

  it("aborts when the app refuses the handshake (wrong app secret)", async () => {
    appSecret = "not-the-sandbox-secret";
    try {
      const res = await callSandbox(tenant, "POST", installLink());
      expect(res.status).toBe(502);
      expect(await res.text()).toContain("HTTP 401");
    } finally {
      appSecret = SANDBOX_APP_SECRET;
    }
  });

  it("uninstall calls the app's uninstall URL signed, and forgets the webhooks", async () => {
    const client = createCcvClient({ baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: sandboxFetch }, { throttle: false });
    await client.createWebhook({ event: "orders.created", address: `${app.origin}/hook` });
    const res = await callSandbox(tenant, "POST", `${STORE}/AppStore.Uninstall.php`);
    expect(await res.text()).toContain("answered: 200");
    expect(await client.listWebhooks()).toEqual([]);
    expect(await client.getApps()).toEqual([{ id: "12970", is_installed: false }]);
  });
});
