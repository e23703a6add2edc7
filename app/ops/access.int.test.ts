import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMerchant } from "@/lib/support/testing";

// Who is signed in, and whether the app runs in sandbox mode, are set per test.
const state = vi.hoisted(() => ({ user: null as null | { userId: string; accountId: string; email: string }, sandbox: true }));
vi.mock("@/lib/auth/session", () => ({
  signedInUser: async () => state.user,
  currentAccount: async () => state.user,
  requireAccount: async () => { if (!state.user) throw new Redirect("/login"); return state.user; },
}));
vi.mock("@/lib/config/env", async (original) => ({ ...(await original<typeof import("@/lib/config/env")>()), isSandbox: () => state.sandbox }));
vi.mock("next/navigation", () => ({
  notFound: () => { throw new NotFound(); },
  redirect: (url: string) => { throw new Redirect(url); },
}));
class NotFound extends Error {}
class Redirect extends Error { constructor(readonly url: string) { super(`redirect to ${url}`); } }

const { requireOperator, requireOperatorRole } = await import("./access");
const pages = {
  merchants: (await import("./merchants/page")).default,
  merchant: (await import("./merchants/[accountId]/page")).default,
  inbox: (await import("./tickets/page")).default,
  ticket: (await import("./tickets/[ticketId]/page")).default,
};
const answerRoute = (await import("@/app/api/ops/tickets/[ticketId]/answer/route")).POST;
const viewAsRoute = (await import("@/app/api/ops/view-as/route")).POST;
const merchantTicketPage = (await import("@/app/dashboard/support/[ticketId]/page")).default;

let t: TestDb;
let merchant: Awaited<ReturnType<typeof createMerchant>>;
let other: Awaited<ReturnType<typeof createMerchant>>;
let operator: Awaited<ReturnType<typeof createMerchant>>;
let ticketId: string;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  merchant = await createMerchant(t.db, "Merchant");
  other = await createMerchant(t.db, "Other");
  operator = await createMerchant(t.db, "Boekkoppeling support", { role: "operator" });
  ticketId = (await t.db.ticket.create({ data: { accountId: merchant.accountId, userId: merchant.userId, kind: "question", subject: "Hello", message: "Hi" } })).id;
});
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(() => { state.user = null; state.sandbox = true; });

const as = (who: typeof merchant) => { state.user = { userId: who.userId, accountId: who.accountId, email: who.email }; };
const thrown = (work: Promise<unknown>) => work.then(() => null, (err: unknown) => err);
const form = (entries: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(entries)) body.append(k, v);
  return new Request("http://localhost:3000/api/ops/x", { method: "POST", body });
};

describe("the operator area", () => {
  for (const sandbox of [true, false]) {
    it(`answers 404 to a merchant on every merchant and ticket page, ${sandbox ? "in sandbox mode too" : "in production mode"}`, async () => {
      state.sandbox = sandbox;
      as(merchant);
      await expect(thrown(requireOperatorRole())).resolves.toBeInstanceOf(NotFound);
      await expect(thrown(pages.merchants({ searchParams: Promise.resolve({}) }))).resolves.toBeInstanceOf(NotFound);
      await expect(thrown(pages.merchant({ params: Promise.resolve({ accountId: merchant.accountId }) }))).resolves.toBeInstanceOf(NotFound);
      await expect(thrown(pages.inbox({ searchParams: Promise.resolve({}) }))).resolves.toBeInstanceOf(NotFound);
      await expect(thrown(pages.ticket({ params: Promise.resolve({ ticketId }), searchParams: Promise.resolve({}) }))).resolves.toBeInstanceOf(NotFound);
    });

    it(`refuses a merchant's answer and view-as requests with 404, ${sandbox ? "sandbox" : "production"} mode`, async () => {
      state.sandbox = sandbox;
      as(merchant);
      const answer = await answerRoute(form({ message: "I am not support" }), { params: Promise.resolve({ ticketId }) });
      expect(answer.status).toBe(404);
      expect(await t.db.ticketMessage.count({ where: { ticketId } })).toBe(0);
      expect((await viewAsRoute(form({ accountId: other.accountId }), undefined)).status).toBe(404);
    });

    it(`lets the operator in, ${sandbox ? "sandbox" : "production"} mode`, async () => {
      state.sandbox = sandbox;
      as(operator);
      await expect(requireOperatorRole()).resolves.toMatchObject({ userId: operator.userId });
      await expect(requireOperator()).resolves.toMatchObject({ userId: operator.userId });
    });
  }

  it("keeps /ops/runs as it was: any signed-in user in sandbox mode, only operators otherwise", async () => {
    as(merchant);
    await expect(requireOperator()).resolves.toMatchObject({ userId: merchant.userId });
    state.sandbox = false;
    await expect(thrown(requireOperator())).resolves.toBeInstanceOf(NotFound);
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    await expect(thrown(requireOperatorRole())).resolves.toMatchObject({ url: "/login" });
  });

  it("takes an operator's answer", async () => {
    as(operator);
    const res = await answerRoute(form({ message: "We fixed it." }), { params: Promise.resolve({ ticketId }) });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get("location")!).pathname).toBe(`/ops/tickets/${ticketId}`);
    expect(await t.db.ticketMessage.findMany({ where: { ticketId }, select: { author: true, body: true } })).toEqual([{ author: "operator", body: "We fixed it." }]);
  });
});

describe("the merchant's ticket page", () => {
  it("is a 404 for another merchant", async () => {
    as(other);
    await expect(thrown(merchantTicketPage({ params: Promise.resolve({ ticketId }), searchParams: Promise.resolve({}) }))).resolves.toBeInstanceOf(NotFound);
  });
});
