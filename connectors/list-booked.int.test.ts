import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { updateTenant } from "./sandbox/kit/tenant-store";
import { createEboekhoudenTarget } from "./eboekhouden/target";
import { initialState as eboekhoudenInitial, type EboekhoudenState, type MutationJson } from "./eboekhouden/sandbox/state";
import * as eb from "./eboekhouden/sandbox/testing";
import { createFactuursturenTarget } from "./factuursturen/target";
import { initialState as factuursturenInitial, type FactuursturenState, type InvoiceJson as FsInvoice } from "./factuursturen/sandbox/state";
import { sandboxProfileIds } from "./factuursturen/sandbox/seed";
import * as fs from "./factuursturen/sandbox/testing";
import { createRompslompTarget } from "./rompslomp/target";
import { SANDBOX_COMPANY_ID } from "./rompslomp/sandbox/seed";
import { initialState as rompslompInitial, type RompslompState, type SalesInvoiceJson } from "./rompslomp/sandbox/state";
import * as rs from "./rompslomp/sandbox/testing";
import { createWefactTarget } from "./wefact/target";
import { initialState as wefactInitial, type InvoiceJson as WfInvoice, type WefactState } from "./wefact/sandbox/state";
import * as wf from "./wefact/sandbox/testing";

/**
 * listBooked of every target against its sandbox: many invoices (more than one page), only those
 * dated in the range, their reference and totals; and the sandboxes' DELETE _admin/invoices/<id>.
 */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const COUNT = 250;
/** Invoice i is dated on day 1 + i % 60 counted from 1 Oct 2026: 0..59 → 1 Oct .. 29 Nov. */
const dateOf = (i: number) => new Date(Date.UTC(2026, 9, 1 + (i % 60))).toISOString().slice(0, 10);
const inNovember = Array.from({ length: COUNT }, (_, i) => i).filter((i) => dateOf(i) >= "2026-11-01" && dateOf(i) <= "2026-11-30");
const amount = (i: number) => (10 + i / 100).toFixed(2);
const requests = async (admin: (tenant: string, method: string, path: string) => Promise<Response>, tenant: string) =>
  ((await (await admin(tenant, "GET", "requests")).json()) as { method: string; path: string }[]);

describe("Rompslomp listBooked", () => {
  const T = "list-rompslomp";
  it("walks every page of the date-filtered sales invoices, with our api_reference and totals", async () => {
    const creds = await rs.connectViaConsent(T);
    await updateTenant("rompslomp", T, () => rompslompInitial(T), (s: RompslompState) => {
      s.invoices = Array.from({ length: COUNT }, (_, i) => ({
        id: 5000 + i, date: dateOf(i), status: "published", invoice_number: `2026-${i}`, api_reference: `REF-order-${i}`, payment_status: "unpaid",
        open_amount: amount(i), price_with_vat: amount(i), price_without_vat: amount(i), vat_amount: "0.00",
      }) as unknown as SalesInvoiceJson);
    });
    const target = createRompslompTarget(rs.sandboxCtx(T, creds), { companyId: String(SANDBOX_COMPANY_ID) });
    await rs.admin(T, "POST", "faults", {});
    const found = await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" });
    expect(found.map((d) => d.reference).sort()).toEqual(inNovember.map((i) => `REF-order-${i}`).sort());
    expect(found.find((d) => d.reference === `REF-order-${inNovember[0]}`)).toMatchObject({ number: `2026-${inNovember[0]}`, totalIncl: amount(inNovember[0]!), date: dateOf(inNovember[0]!) });
    const pages = (await requests(rs.admin, T)).filter((r) => r.path.includes("sales_invoices?"));
    expect(pages.length).toBe(Math.ceil(inNovember.length / 100));
    expect(pages[0]!.path).toContain("search%5Bfrom%5D=2026-11-01");

    expect((await rs.admin(T, "DELETE", `invoices/${5000 + inNovember[0]!}`)).status).toBe(204);
    expect((await rs.admin(T, "DELETE", `invoices/${5000 + inNovember[0]!}`)).status).toBe(404);
    expect((await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" })).length).toBe(inNovember.length - 1);
  });
});

describe("WeFact listBooked", () => {
  const T = "list-wefact";
  it("walks the invoices newest first until the range is passed", async () => {
    const N = 2300; // one invoice an hour back from 10 Jan 2027: November straddles the first two pages of 1,000
    await updateTenant("wefact", T, () => wefactInitial(T), (s: WefactState) => {
      s.invoices = Array.from({ length: N }, (_, i) => ({
        Identifier: 100 + i, InvoiceCode: `F${i}`, Date: new Date(Date.UTC(2027, 0, 10) - i * 3_600_000).toISOString().slice(0, 10),
        AmountExcl: "10.00", AmountTax: "2.10", AmountIncl: "12.10", Status: "2", Sent: "1",
      }) as unknown as WfInvoice);
    });
    const target = createWefactTarget(wf.sandboxCtx(T), {});
    const found = await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" });
    // 24 invoices a day, 30 days.
    expect(found.length).toBe(720);
    expect(found.every((d) => d.date! >= "2026-11-01" && d.date! <= "2026-11-30" && d.totalIncl === "12.10")).toBe(true);
    expect((await requests(wf.admin, T)).length).toBe(2); // stopped on the second page (of three), at October
    expect((await wf.admin(T, "DELETE", `invoices/${found[0]!.id}`)).status).toBe(204);
    expect((await wf.admin(T, "DELETE", "invoices/999999")).status).toBe(404);
  });
});

describe("Factuursturen listBooked", () => {
  const T = "list-factuursturen";
  it("reads the full list and keeps the invoices dated in the range, with the reference line", async () => {
    await fs.admin(T, "POST", "activate-key");
    await updateTenant("factuursturen", T, () => factuursturenInitial(T), (s: FactuursturenState) => {
      s.invoices = Array.from({ length: COUNT }, (_, i) => ({
        id: String(900 + i), invoicenr: `2026${String(i).padStart(4, "0")}`, invoicenr_full: `F2026${String(i).padStart(4, "0")}`, sent: dateOf(i),
        reference: { line1: "Order", line2: "", line3: `FS-KEY-order-${i}` }, totalintax: amount(i), invoicenote: "", lines: {}, taxes: {}, history: {},
      }) as unknown as FsInvoice);
    });
    const target = createFactuursturenTarget(fs.sandboxCtx(T), { templateId: sandboxProfileIds.webshop, sendMethod: "mail" });
    const found = await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" });
    expect(found.map((d) => d.reference).sort()).toEqual(inNovember.map((i) => `FS-KEY-order-${i}`).sort());
    expect(found[0]).toMatchObject({ id: expect.stringMatching(/^2026\d{4}$/), number: expect.stringMatching(/^F2026/) });
    expect((await fs.admin(T, "DELETE", `invoices/${found[0]!.id}`)).status).toBe(204);
    expect((await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" })).length).toBe(inNovember.length - 1);
  });
});

describe("e-Boekhouden listBooked", () => {
  const T = "list-eboekhouden";
  it("pages through the sales mutations of the date range (REST)", async () => {
    await updateTenant("eboekhouden", T, () => eboekhoudenInitial(T), (s: EboekhoudenState) => {
      s.mutations = Array.from({ length: COUNT }, (_, i) => ({
        id: i + 1, type: i % 10 === 0 ? 3 : 2, date: dateOf(i), description: null, termOfPayment: 14, ledgerId: 1, relationId: null, inExVat: "IN",
        invoiceNumber: `WEB-${i}`, entryNumber: null, paymentReference: null, rows: [{ ledgerId: 2, vatCode: "GEEN", amount: Number(amount(i)), vatAmount: 0, description: null, invoiceNumber: null, relationId: null }],
        vat: [], bookedVia: "rest", invoiceId: null,
      }) as MutationJson);
    });
    const target = createEboekhoudenTarget(eb.sandboxCtx(T, eb.tokenCredentials(T)), {});
    const found = await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" });
    const sales = inNovember.filter((i) => i % 10 !== 0);
    expect(found.map((d) => d.number).sort()).toEqual(sales.map((i) => `WEB-${i}`).sort());
    expect(found.find((d) => d.number === `WEB-${sales[0]}`)).toMatchObject({ id: String(sales[0]! + 1), totalIncl: String(Number(amount(sales[0]!))) });
    expect((await eb.admin(T, "DELETE", `invoices/${sales[0]! + 1}`)).status).toBe(204);
    expect((await target.listBooked!({ from: "2026-11-01", to: "2026-11-30" })).length).toBe(sales.length - 1);
  });
});
