import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openRenewalInvoice } from "@/lib/billing/renewal-invoice";
import { pdfText } from "@/lib/billing/testing/pdf-text";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { GET } from "./route";

/** The invoice PDF download: the account's owner only; the amounts exact and in the merchant's language. */
const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

let t: TestDb;
const ids = { owner: "", member: "", stranger: "", strangerAccount: "", account: "", invoice: "" };
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  const account = await t.db.account.create({
    data: { name: "Webwinkel Één B.V.", locale: "nl", country: "NL", users: { create: [{ email: "eigenaar@example.nl", name: "Eva Eigenaar", passwordHash: "x" }, { email: "lid@example.nl", role: "member", passwordHash: "x" }] } },
    include: { users: true },
  });
  const stranger = await t.db.account.create({ data: { name: "Other", users: { create: { email: "other@example.nl", passwordHash: "x" } } }, include: { users: true } });
  const integration = await t.db.integration.create({ data: { accountId: account.id, licenseKey: "PDF-KEY-1", name: "Magento 2 → Rompslomp", sourceSystem: "magento2", targetSystem: "rompslomp", status: "active", trialEndsAt: new Date("2026-12-01T00:00:00Z") } });
  const invoice = await openRenewalInvoice(t.db, integration.id, new Date("2026-11-24T09:00:00Z"));
  Object.assign(ids, {
    account: account.id, owner: account.users.find((u) => u.role === "owner")!.id, member: account.users.find((u) => u.role === "member")!.id,
    stranger: stranger.users[0]!.id, strangerAccount: stranger.id, invoice: invoice.id,
  });
});
afterAll(async () => { setDb(undefined); await t.close(); });

const download = (invoiceId = ids.invoice) => GET(new Request(`http://localhost:3000/api/billing/invoices/${invoiceId}/pdf`), { params: Promise.resolve({ invoiceId }) });

describe("invoice PDF", () => {
  it("gives the owner the PDF with the exact amounts, in Dutch for a Dutch merchant", async () => {
    session.current = { userId: ids.owner, accountId: ids.account, email: "eigenaar@example.nl" };
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const invoice = await t.db.subscriptionInvoice.findUniqueOrThrow({ where: { id: ids.invoice } });
    expect(invoice.number).toBe("2026-00001");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="invoice-2026-00001.pdf"');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const expected of ["Factuur", "2026-00001", "24-11-2026", "01-12-2026 tot 01-12-2027", "Webwinkel Één B.V.", "eigenaar@example.nl", "PDF-KEY-1", "€ 150,00", "Btw 21%", "€ 31,50", "€ 181,50", "Te betalen"]) {
      expect(text).toContain(expected);
    }
  });

  it("is refused to a member of the account, to another account and without a login", async () => {
    session.current = { userId: ids.member, accountId: ids.account, email: "lid@example.nl" };
    expect((await download()).status).toBe(404);
    session.current = { userId: ids.stranger, accountId: ids.strangerAccount, email: "other@example.nl" };
    expect((await download()).status).toBe(404);
    session.current = null;
    expect((await download()).status).toBe(401);
  });

  it("numbers invoices one after the other within a year, and starts again at 00001 in a new year (Dutch time)", async () => {
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "PDF-KEY-1" } });
    const issue = async (at: string) => {
      await t.db.subscriptionInvoice.updateMany({ where: { integrationId: integration.id, status: "open" }, data: { status: "paid" } });
      return (await openRenewalInvoice(t.db, integration.id, new Date(at))).number;
    };
    expect(await issue("2026-12-02T09:00:00Z")).toBe("2026-00002");
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(await issue("2026-12-31T23:30:00Z")).toBe("2027-00001");
    expect(await issue("2027-01-02T09:00:00Z")).toBe("2027-00002");
  });
});
