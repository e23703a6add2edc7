import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { findPayment, listPayments } from "./payments";

let t: TestDb;
const merchants: Record<string, { accountId: string; integrationId: string; paymentIds: string[] }> = {};

async function merchant(name: string) {
  const account = await t.db.account.create({
    data: { name, integrations: { create: { licenseKey: `${name}-PAY`, name, sourceSystem: "ccvshop", targetSystem: "rompslomp" } } },
    include: { integrations: true },
  });
  const integrationId = account.integrations[0]!.id;
  const document = await t.db.document.create({ data: { integrationId, kind: "order", sourceId: "1", sourceNumber: "WEB-1", status: "booked", rawPayload: {} } });
  const booked = await t.db.payment.create({ data: { integrationId, documentId: document.id, sourceId: "WEB-1", amount: "41.86", status: "booked", targetRef: "2024-0001 (7)" } });
  const failed = await t.db.payment.create({ data: { integrationId, documentId: document.id, sourceId: "WEB-1b", amount: "5.00", status: "error", errorCode: "invoice_not_found", attempts: 3 } });
  merchants[name] = { accountId: account.id, integrationId, paymentIds: [booked.id, failed.id] };
}

beforeAll(async () => {
  t = await createTestDb();
  await merchant("A");
  await merchant("B");
});
afterAll(async () => { await t.close(); });

describe("the Payments view", () => {
  it("lists the account's payments with their document, or only those in error", async () => {
    const { accountId, integrationId } = merchants.A!;
    const all = await listPayments(t.db, accountId, integrationId);
    expect(all.map((p) => [p.sourceId, p.status, p.document?.sourceNumber]).sort()).toEqual([["WEB-1", "booked", "WEB-1"], ["WEB-1b", "error", "WEB-1"]]);
    expect((await listPayments(t.db, accountId, integrationId, { statuses: ["error"] })).map((p) => p.errorCode)).toEqual(["invoice_not_found"]);
  });

  it("shows nothing of another account", async () => {
    expect(await listPayments(t.db, merchants.A!.accountId, merchants.B!.integrationId)).toEqual([]);
    expect(await findPayment(t.db, merchants.A!.accountId, merchants.B!.integrationId, merchants.B!.paymentIds[1]!)).toBeNull();
    expect(await findPayment(t.db, merchants.B!.accountId, merchants.B!.integrationId, merchants.B!.paymentIds[1]!)).toMatchObject({ status: "error" });
  });
});
