import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PaymentPage } from "@/connectors/types";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { setSetting } from "@/lib/integrations/settings";

/**
 * The payments check's stored cursor: a walk longer than one run's pages stops, stores where it
 * is, and the next check carries on from there (not from the first page). The shop's list is a
 * stand-in here (its CCV Shop form is tested in check-payments.int.test.ts and list-payments.int.test.ts).
 */
const PAGES = 12;
const asked: { from: string; cursor: string | null }[] = [];
let paymentOnPage: Record<number, { documentSourceId: string; sourceId: string }> = {};

vi.mock("@/lib/pipeline/connectors-for", () => ({
  connectorsFor: () => ({
    source: {
      async listPayments(args: { from: string; cursor: string | null }): Promise<PaymentPage> {
        asked.push(args);
        const n = Number(args.cursor ?? "0");
        const p = paymentOnPage[n];
        const payments = p ? [{ ...p, kind: "order" as const, amount: "10.00", currency: "EUR", paidAt: "2026-11-20T10:00:00Z" }] : [];
        return { payments, cursor: String(n + 1), more: n + 1 < PAGES };
      },
    },
    target: {},
  }),
}));

const { checkPayments } = await import("./check-payments");

let t: TestDb;
let integrationId: string;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  await seedDemo(t.db, "http://localhost:3000");
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } })).id;
  await setSetting(t.db, integrationId, "payments", { enabled: true, accounts: {} });
});
afterAll(async () => { setDb(undefined); await t.close(); });

const check = async () => {
  const { result, error } = await new InngestTestEngine({
    function: checkPayments,
    events: [{ name: "payments/check.requested", data: { integrationId } }],
    steps: [...Array(PAGES).keys()].map((n) => ({ id: `send-payments-${n}`, handler: () => ({ ids: [] }) })),
  }).execute();
  expect(error).toBeUndefined();
  return result as { found: number; from: string };
};

describe("payments check cursor", () => {
  it("stops after a run's pages, stores where it is, and the next check carries on from there", async () => {
    const booked = (sourceId: string) =>
      t.db.document.create({ data: { integrationId, kind: "order", sourceId, status: "booked", targetRef: "1", rawPayload: {}, bookedAt: new Date(), documentDate: new Date("2026-11-20T00:00:00Z") } });
    const early = await booked("cursor-early");
    const late = await booked("cursor-late");
    paymentOnPage = { 3: { documentSourceId: "cursor-early", sourceId: "PAY-EARLY" }, 11: { documentSourceId: "cursor-late", sourceId: "PAY-LATE" } };

    const first = await check();
    expect(first).toMatchObject({ found: 1, from: "2026-11-19" });
    expect(asked.map((a) => a.cursor)).toEqual([null, "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect((await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } })).paymentsCursor).toBe("2026-11-19|10");
    expect((await t.db.payment.findMany({ where: { documentId: { in: [early.id, late.id] } } })).map((p) => p.sourceId)).toEqual(["PAY-EARLY"]);

    asked.length = 0;
    expect(await check()).toMatchObject({ found: 1 });
    expect(asked).toEqual([{ from: "2026-11-19", cursor: "10" }, { from: "2026-11-19", cursor: "11" }]);
    expect((await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } })).paymentsCursor).toBeNull();
    expect((await t.db.payment.findMany({ where: { documentId: late.id } })).map((p) => p.sourceId)).toEqual(["PAY-LATE"]);
  });
});
