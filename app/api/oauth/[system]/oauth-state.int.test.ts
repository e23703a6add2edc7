import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createOAuthState } from "@/lib/install/oauth-state";

// The accounting systems' OAuth2 flow: a signed state bound to the starting browser, single use.
const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));
const { GET: start } = await import("./start/route");
const { GET: callback } = await import("./callback/route");

const APP = "http://localhost:3000";
const KEY = "BK-OAUTH-TEST";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  await t.db.account.create({ data: { name: "OAuth", integrations: { create: {
    licenseKey: KEY, name: "OAuth", sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "installing",
    connections: { create: { side: "target", system: "rompslomp", baseUrl: `${APP}/sandbox/rompslomp/oauth-test` } },
  } } } });
});
afterAll(async () => { setDb(undefined); await t.close(); });

/** Starts a flow as the wizard's Connect button does: the state the consent page gets, and the browser's cookie. */
async function startFlow() {
  const res = await start(new Request(`${APP}/api/oauth/rompslomp/start?licenseKey=${KEY}`), { params: Promise.resolve({ system: "rompslomp" }) });
  expect(res.status).toBe(307);
  const state = new URL(res.headers.get("location")!).searchParams.get("state")!;
  const setCookie = res.headers.get("set-cookie")!;
  expect(setCookie).toMatch(/^oauth_[\w-]+=[\w-]+; Path=\/api\/oauth; Max-Age=1800; HttpOnly; SameSite=Lax$/);
  return { state, cookie: setCookie.split(";")[0]! };
}

// access_denied is answered only after the state was accepted (the wizard then shows the refusal).
const back = (query: string, cookie?: string) =>
  callback(new Request(`${APP}/api/oauth/rompslomp/callback?${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ system: "rompslomp" }) });
const accepted = (res: Response) => res.status === 307 && res.headers.get("location")!.includes(`/install/${KEY}`);
const refused = async (res: Response) => res.status === 400 && (await res.json()).error === "invalid_state";

describe("OAuth callback state", () => {
  it("accepts the state with the cookie of the browser that started it, and clears that cookie", async () => {
    const { state, cookie } = await startFlow();
    const res = await back(`state=${encodeURIComponent(state)}&error=access_denied`, cookie);
    expect(accepted(res)).toBe(true);
    expect(res.headers.get("set-cookie")).toBe(`${cookie.split("=")[0]}=; Path=/api/oauth; Max-Age=0; HttpOnly; SameSite=Lax`);
  });

  it("refuses a missing state, a forged one, and one without a nonce (not from our start)", async () => {
    const { cookie } = await startFlow();
    expect(await refused(await back("error=access_denied", cookie))).toBe(true);
    expect(await refused(await back("state=abc.def&error=access_denied", cookie))).toBe(true);
    expect(await refused(await back(`state=${createOAuthState(KEY)}&error=access_denied`, cookie))).toBe(true);
  });

  it("refuses the state in another browser (no cookie) or with another flow's cookie", async () => {
    const first = await startFlow();
    const second = await startFlow();
    expect(await refused(await back(`state=${encodeURIComponent(first.state)}&error=access_denied`))).toBe(true);
    const otherValue = `${first.cookie.split("=")[0]}=${second.cookie.split("=")[1]}`;
    expect(await refused(await back(`state=${encodeURIComponent(first.state)}&error=access_denied`, otherValue))).toBe(true);
  });

  it("refuses a reused state: the browser no longer has the cookie", async () => {
    const { state, cookie } = await startFlow();
    expect(accepted(await back(`state=${encodeURIComponent(state)}&error=access_denied`, cookie))).toBe(true);
    // The browser applied Max-Age=0: the same callback URL again comes without the cookie.
    expect(await refused(await back(`state=${encodeURIComponent(state)}&error=access_denied`))).toBe(true);
  });

  it("refuses an expired state even with its cookie", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    try {
      const { state, cookie } = await startFlow();
      vi.setSystemTime(Date.now() + 31 * 60_000);
      expect(await refused(await back(`state=${encodeURIComponent(state)}&error=access_denied`, cookie))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
