import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authSecret } from "../crypto/keys";
import { setDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { createMerchant } from "../support/testing";
import { viewedAccount } from "./operator";
import { readOnlyGuard } from "./read-only-guard";
import { VIEW_AS_COOKIE, VIEW_AS_STOP_PATH, signViewAs, verifyViewAs } from "./view-as";

// currentAccount() reads the next-auth session and the request's cookies: both set per test.
const request = vi.hoisted(() => ({ session: null as null | { userId: string; accountId: string; user: { email: string } }, cookies: new Map<string, string>() }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => request.session }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }) }));
const { currentAccount, signedInUser } = await import("./session");

let t: TestDb;
let merchant: Awaited<ReturnType<typeof createMerchant>>;
let operator: Awaited<ReturnType<typeof createMerchant>>;
let colleague: Awaited<ReturnType<typeof createMerchant>>;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  merchant = await createMerchant(t.db, "Theehuis");
  operator = await createMerchant(t.db, "Support", { role: "operator" });
  colleague = await t.db.user.create({ data: { accountId: operator.accountId, email: "colleague@example.com", passwordHash: "x", role: "operator" } })
    .then((u) => ({ ...operator, userId: u.id, email: u.email }));
});
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(() => { request.session = null; request.cookies.clear(); });

const inFiveMinutes = () => Date.now() + 5 * 60_000;
const cookieFor = (operatorId: string, accountId = merchant.accountId, expiresAt = inFiveMinutes()) => signViewAs({ accountId, operatorId, expiresAt });
const signIn = (who: typeof merchant) => { request.session = { userId: who.userId, accountId: who.accountId, user: { email: who.email } }; };

describe("the view-as cookie", () => {
  it("round-trips what we signed, and nothing else", () => {
    const value = cookieFor(operator.userId);
    expect(verifyViewAs(value)).toMatchObject({ accountId: merchant.accountId, operatorId: operator.userId });
    const [payload, signature] = value.split(".");
    const otherAccount = Buffer.from(JSON.stringify({ a: "someone-else", o: operator.userId, e: inFiveMinutes() })).toString("base64url");
    expect(verifyViewAs(`${otherAccount}.${signature}`)).toBeNull(); // payload swapped, signature kept
    expect(verifyViewAs(`${payload}.${signature!.slice(0, -2)}xx`)).toBeNull();
    expect(verifyViewAs(signViewAs({ accountId: merchant.accountId, operatorId: operator.userId, expiresAt: inFiveMinutes() }, "a-secret-that-is-not-ours-0123456789"))).toBeNull();
    expect(verifyViewAs(cookieFor(operator.userId, merchant.accountId, Date.now() - 1))).toBeNull();
    expect(verifyViewAs("garbage")).toBeNull();
    expect(verifyViewAs(undefined)).toBeNull();
  });
});

describe("currentAccount() while viewing", () => {
  it("gives the operator the merchant's account, read-only, with the operator's id", async () => {
    signIn(operator);
    request.cookies.set(VIEW_AS_COOKIE, cookieFor(operator.userId));
    expect(await currentAccount()).toEqual({ accountId: merchant.accountId, userId: merchant.userId, email: merchant.email, readOnly: true, operatorId: operator.userId });
    // The operator area still knows who really signed in.
    expect(await signedInUser()).toEqual({ userId: operator.userId, accountId: operator.accountId, email: operator.email });
  });

  it("ignores the cookie for a non-operator, even one naming them", async () => {
    signIn(merchant);
    request.cookies.set(VIEW_AS_COOKIE, cookieFor(merchant.userId, operator.accountId));
    expect(await currentAccount()).toEqual({ userId: merchant.userId, accountId: merchant.accountId, email: merchant.email });
    expect(await viewedAccount(t.db, merchant.userId, cookieFor(merchant.userId, operator.accountId))).toBeNull();
  });

  it("ignores a forged, expired or another operator's cookie", async () => {
    signIn(operator);
    const [, signature] = cookieFor(operator.userId).split(".");
    const forged = `${Buffer.from(JSON.stringify({ a: merchant.accountId, o: operator.userId, e: inFiveMinutes() + 1 })).toString("base64url")}.${signature}`;
    for (const cookie of [forged, cookieFor(operator.userId, merchant.accountId, Date.now() - 1000), cookieFor(colleague.userId), "x.y"]) {
      request.cookies.set(VIEW_AS_COOKIE, cookie);
      expect(await currentAccount()).toEqual({ userId: operator.userId, accountId: operator.accountId, email: operator.email });
    }
  });

  it("stops honouring the cookie once the user is no longer an operator", async () => {
    const former = await createMerchant(t.db, "Former operator", { role: "operator" });
    await t.db.user.update({ where: { id: former.userId }, data: { role: "owner" } });
    expect(await viewedAccount(t.db, former.userId, cookieFor(former.userId))).toBeNull();
  });
});

describe("the read-only choke point (proxy)", () => {
  const sessionToken = (who: typeof merchant) => encode({ token: { userId: who.userId, accountId: who.accountId, email: who.email }, secret: authSecret() });
  async function req(path: string, opts: { method?: string; who?: typeof merchant; viewAs?: string; headers?: Record<string, string> } = {}) {
    const cookies = [opts.who && `next-auth.session-token=${await sessionToken(opts.who)}`, opts.viewAs && `${VIEW_AS_COOKIE}=${opts.viewAs}`].filter(Boolean).join("; ");
    return new NextRequest(`http://localhost:3000${path}`, { method: opts.method ?? "POST", headers: { cookie: cookies, ...opts.headers } });
  }
  const passed = (res: Response) => res.headers.get("x-middleware-next") === "1";

  it("refuses a POST while the operator views a merchant, with a clear message", async () => {
    const res = await readOnlyGuard(await req("/api/integrations/i/documents/d/process", { who: operator, viewAs: cookieFor(operator.userId) }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "read_only", message: expect.stringContaining("Read-only view") });
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await readOnlyGuard(await req("/api/support/tickets", { method, who: operator, viewAs: cookieFor(operator.userId) }))).status).toBe(403);
    }
  });

  it("answers in Dutch to a Dutch browser", async () => {
    const res = await readOnlyGuard(await req("/api/locale", { who: operator, viewAs: cookieFor(operator.userId), headers: { "accept-language": "nl-NL,nl;q=0.9" } }));
    expect((await res.json()).message).toContain("Alleen-lezenweergave");
  });

  it("sends a refused server action and a plain form post to the page that explains", async () => {
    const action = await readOnlyGuard(await req("/dashboard/x/configuration", { who: operator, viewAs: cookieFor(operator.userId), headers: { "next-action": "abc123", referer: "http://localhost:3000/dashboard/x/configuration" } }));
    expect(action.status).toBe(403);
    expect(action.headers.get("content-type")).toBe("text/plain");
    expect(action.headers.get("x-action-redirect")).toBe(`/dashboard/read-only?back=${encodeURIComponent("/dashboard/x/configuration")};push`);
    const post = await readOnlyGuard(await req("/api/locale", { who: operator, viewAs: cookieFor(operator.userId), headers: { accept: "text/html,application/xhtml+xml" } }));
    expect(post.status).toBe(303);
    expect(new URL(post.headers.get("location")!).pathname).toBe("/dashboard/read-only");
  });

  it("lets reads, Stop and logout through; logout ends the view", async () => {
    const viewAs = cookieFor(operator.userId);
    expect(passed(await readOnlyGuard(await req("/dashboard", { method: "GET", who: operator, viewAs })))).toBe(true);
    expect(passed(await readOnlyGuard(await req(VIEW_AS_STOP_PATH, { who: operator, viewAs })))).toBe(true);
    const logout = await readOnlyGuard(await req("/api/auth/signout", { who: operator, viewAs }));
    expect(passed(logout)).toBe(true);
    expect(logout.headers.get("set-cookie")).toMatch(new RegExp(`${VIEW_AS_COOKIE}=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)`, "i"));
  });

  it("ignores a forged cookie, a cookie of another user, and a cookie without a session", async () => {
    const [, signature] = cookieFor(operator.userId).split(".");
    const forged = `${Buffer.from(JSON.stringify({ a: merchant.accountId, o: operator.userId, e: inFiveMinutes() + 7 })).toString("base64url")}.${signature}`;
    expect(passed(await readOnlyGuard(await req("/api/support/tickets", { who: operator, viewAs: forged })))).toBe(true);
    // A merchant carrying an operator's cookie: not viewing, so not refused (and currentAccount ignores it too).
    expect(passed(await readOnlyGuard(await req("/api/support/tickets", { who: merchant, viewAs: cookieFor(operator.userId) })))).toBe(true);
    expect(passed(await readOnlyGuard(await req("/api/support/tickets", { viewAs: cookieFor(operator.userId) })))).toBe(true);
    expect(passed(await readOnlyGuard(await req("/api/support/tickets", { who: operator })))).toBe(true);
  });
});
