import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { MAX_BODY, MAX_CALLS, problemContextOf } from "./problem-context";
import { reportProblem } from "./report-problem";
import { createMerchant, errorDocument } from "./testing";

let t: TestDb;
let shop: Awaited<ReturnType<typeof createMerchant>>;
let other: Awaited<ReturnType<typeof createMerchant>>;
beforeAll(async () => {
  t = await createTestDb();
  shop = await createMerchant(t.db, "Theehuis");
  other = await createMerchant(t.db, "Other Shop");
});
afterAll(async () => { await t.close(); });

const report = (who: typeof shop, documentId: string, message = "") =>
  reportProblem(t.db, { accountId: who.accountId, userId: who.userId, integrationId: who.integrationId, documentId, message });

describe("Report problem", () => {
  it("opens a problem ticket carrying the document, its error and its raw exchange", async () => {
    const doc = await errorDocument(t.db, shop.integrationId, "1", "totals_mismatch");
    // A call of another document is not part of this one's exchange.
    const unrelated = await errorDocument(t.db, shop.integrationId, "99", "unrelated_error", 1);
    const result = await report(shop, doc.id, "I checked the shop, the order looks fine.");
    expect(result).toMatchObject({ ok: true, merged: false });
    if (!result.ok) throw new Error("not reported");
    expect(result.number).toMatch(/^#[A-Z0-9]{8}$/);

    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    expect(ticket).toMatchObject({ kind: "problem", userId: shop.userId, accountId: shop.accountId, integrationId: shop.integrationId, documentId: doc.id, status: "open" });
    expect(ticket.subject).toBe("Order 101: totals_mismatch");
    expect(ticket.message).toBe("I checked the shop, the order looks fine.");
    const context = problemContextOf(ticket.context)!;
    expect(context.errorCode).toBe("totals_mismatch");
    expect(context.documents).toHaveLength(1);
    const [snapshot] = context.documents;
    expect(snapshot!.document).toMatchObject({ id: doc.id, kind: "order", sourceId: "1", sourceNumber: "101", status: "error", totalInclVat: "41.86", totalExclVat: "35.07", currency: "EUR" });
    expect(snapshot!.error).toEqual({ code: "totals_mismatch", detail: doc.errorDetail });
    expect(snapshot!.calls.map((c) => c.url)).toEqual([0, 1].map((i) => `https://shop.example/api/rest/v1/orders/1?call=${i}`));
    expect(snapshot!.calls[0]!.responseBody).toContain('"total_price":41.86');
    expect(JSON.stringify(context)).not.toContain(unrelated.id);
  });

  it("caps the exchange: the latest calls, bodies clipped", async () => {
    const doc = await errorDocument(t.db, shop.integrationId, "2", "vat_inconsistent", MAX_CALLS + 5);
    await t.db.externalCall.create({ data: { integrationId: shop.integrationId, documentId: doc.id, system: "rompslomp", method: "POST", url: "https://rompslomp.example/api", requestBody: "x".repeat(MAX_BODY * 3), at: new Date(Date.UTC(2026, 0, 2)) } });
    const result = await report(shop, doc.id);
    if (!result.ok) throw new Error("not reported");
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    const snapshot = problemContextOf(ticket.context)!.documents[0]!;
    expect(snapshot.calls).toHaveLength(MAX_CALLS);
    expect(snapshot.callsOmitted).toBe(6);
    const last = snapshot.calls.at(-1)!;
    expect(last.system).toBe("rompslomp"); // the newest call is kept, oldest first in the list
    expect(last.requestBody!.length).toBeLessThan(MAX_BODY + 100);
    expect(last.requestBody).toContain("more characters");
    expect(ticket.message).toBe("(no message)");
    expect(JSON.stringify(ticket.context).length).toBeLessThan(MAX_CALLS * 2 * MAX_BODY);
  });

  it("adds a document with the same error code to the open ticket instead of opening another", async () => {
    const first = await errorDocument(t.db, shop.integrationId, "3", "debtor_rejected");
    const second = await errorDocument(t.db, shop.integrationId, "4", "debtor_rejected");
    const a = await report(shop, first.id);
    const b = await report(shop, second.id, "This one too.");
    if (!a.ok || !b.ok) throw new Error("not reported");
    expect(b).toMatchObject({ merged: true, ticketId: a.ticketId, number: a.number });
    expect(await t.db.ticket.count({ where: { accountId: shop.accountId, kind: "problem", context: { path: ["errorCode"], equals: "debtor_rejected" } } })).toBe(1);

    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: a.ticketId }, include: { replies: true } });
    expect(problemContextOf(ticket.context)!.documents.map((d) => d.document.id)).toEqual([first.id, second.id]);
    expect(ticket.replies).toHaveLength(1);
    expect(ticket.replies[0]).toMatchObject({ author: "merchant", userId: shop.userId });
    expect(ticket.replies[0]!.body).toBe("Also reported: Order 104 (debtor_rejected).\n\nThis one too.");

    // Reporting the same document again refreshes its snapshot; it is not listed twice.
    const again = await report(shop, second.id);
    expect(again).toMatchObject({ merged: true, ticketId: a.ticketId });
    const after = await t.db.ticket.findUniqueOrThrow({ where: { id: a.ticketId }, include: { replies: true } });
    expect(problemContextOf(after.context)!.documents).toHaveLength(2);
    expect(after.replies.map((r) => r.body)).toContain("Reported again: Order 104 (debtor_rejected).");
  });

  it("re-opens an answered ticket for the same error, but opens a new one once it is closed or for another code", async () => {
    const first = await errorDocument(t.db, shop.integrationId, "5", "product_missing");
    const a = await report(shop, first.id);
    if (!a.ok) throw new Error("not reported");
    await t.db.ticket.update({ where: { id: a.ticketId }, data: { status: "answered" } });
    const b = await report(shop, (await errorDocument(t.db, shop.integrationId, "6", "product_missing")).id);
    expect(b).toMatchObject({ merged: true, ticketId: a.ticketId });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: a.ticketId } })).status).toBe("open");

    await t.db.ticket.update({ where: { id: a.ticketId }, data: { status: "closed" } });
    const c = await report(shop, (await errorDocument(t.db, shop.integrationId, "7", "product_missing")).id);
    expect(c).toMatchObject({ ok: true, merged: false });
    expect(c.ok && c.ticketId).not.toBe(a.ticketId);

    const d = await report(shop, (await errorDocument(t.db, shop.integrationId, "8", "another_code")).id);
    expect(d).toMatchObject({ ok: true, merged: false });
  });

  it("never merges into another merchant's ticket with the same code", async () => {
    const mine = await report(shop, (await errorDocument(t.db, shop.integrationId, "9", "shared_code")).id);
    const theirs = await report(other, (await errorDocument(t.db, other.integrationId, "9", "shared_code")).id);
    expect(theirs).toMatchObject({ ok: true, merged: false });
    expect(theirs.ok && mine.ok && theirs.ticketId !== mine.ticketId).toBe(true);
  });

  it("refuses another account's document and a document without an error", async () => {
    const theirs = await errorDocument(t.db, other.integrationId, "10", "totals_mismatch");
    expect(await report(shop, theirs.id)).toEqual({ ok: false, error: "document_not_found" });
    expect(await reportProblem(t.db, { accountId: shop.accountId, userId: shop.userId, integrationId: other.integrationId, documentId: theirs.id, message: "" }))
      .toEqual({ ok: false, error: "document_not_found" });
    const booked = await t.db.document.create({ data: { integrationId: shop.integrationId, kind: "order", sourceId: "11", status: "booked", rawPayload: {} } });
    expect(await report(shop, booked.id)).toEqual({ ok: false, error: "not_an_error" });
  });

  it("writes what it stores in the merchant's language", async () => {
    const dutch = await createMerchant(t.db, "Winkeltje", { locale: "nl" });
    const doc = await t.db.document.create({ data: { integrationId: dutch.integrationId, kind: "creditnote", sourceId: "C1", status: "error", rawPayload: {}, errorCode: "totals_mismatch" } });
    const result = await report(dutch, doc.id);
    if (!result.ok) throw new Error("not reported");
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: result.ticketId } })).toMatchObject({ subject: "Creditnota C1: totals_mismatch", message: "(geen bericht)" });
  });
});
