import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { caught } from "../testing";
import type { Booking } from "../types";
import { eboekhoudenSettingsSchema } from "./config";
import { buildSalesEntry } from "./entry";
import { buildPaymentEntry } from "./payment";
import { relationOf } from "./relation";
import { restJson } from "./rest-client";
import { restInvoice, restPaymentMutation, restRelation, restSalesMutation, type RestIds } from "./rest-payloads";
import { soapInvoice, soapPaymentMutation, soapRelation, soapSalesMutation } from "./soap-payloads";
import { plain } from "./xml";

type Expected = Record<"restMutation" | "soapMutation" | "restInvoice" | "soapInvoice" | "restRelation" | "soapRelation", unknown>;
type Fixture = { settings: unknown; addDate: string; booking: Booking; expected: Expected };

function fixture(name: string) {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as Fixture;
  // The fixture's document must be a valid domain document, or the test proves nothing.
  const document = salesDocumentSchema.parse(raw.booking.document);
  const settings = eboekhoudenSettingsSchema.parse(raw.settings);
  return { ...raw, booking: { ...raw.booking, document }, settings, entry: buildSalesEntry({ ...raw.booking, document }, settings) };
}

/** REST ids as a test double: relation 4711, ledger id = "9" + code, template 77. */
const ids: RestIds = { relationId: "4711", ledgerId: (code) => `9${code}` };
const FIXTURES = ["domestic-mixed", "credit", "oss", "icp"];

function payloads(f: ReturnType<typeof fixture>) {
  const number = f.settings.invoiceNumbering === "shop" ? f.entry.salesNumber : undefined;
  return {
    restMutation: restSalesMutation(f.entry, ids, f.settings.debtorLedger),
    soapMutation: plain(soapSalesMutation(f.entry, f.settings.debtorLedger)),
    restInvoice: restInvoice(f.entry, ids, { templateId: "77", invoiceNumber: number, mutationLedger: f.settings.invoiceWithMutation ? f.settings.debtorLedger : undefined }),
    soapInvoice: plain(soapInvoice(f.entry, { template: f.settings.invoiceTemplate, invoiceNumber: number, postInAccounting: f.settings.invoiceWithMutation ?? true })),
    restRelation: restRelation(relationOf(f.booking.document, f.booking.debtorId)),
    soapRelation: plain(soapRelation(relationOf(f.booking.document, f.booking.debtorId), f.addDate)),
  };
}

describe("Booking → e-Boekhouden (manual ch. 7: field-level specifications), REST and SOAP", () => {
  for (const name of FIXTURES) {
    for (const key of ["restMutation", "soapMutation", "restInvoice", "soapInvoice", "restRelation", "soapRelation"] as const) {
      it(`${name}: ${key} maps exactly as recorded, field by field`, () => {
        const f = fixture(name);
        expect(payloads(f)[key]).toEqual(f.expected[key]);
      });
    }
  }

  it.each(FIXTURES)("%s: the entry's totals equal the document's, to the cent (OSS: the VAT moves to its own lines)", (name) => {
    const { entry, booking } = fixture(name);
    expect(entry.totals.incl.toFixed(2)).toBe(booking.document.totals.incl);
    const revenue = entry.lines.filter((l) => l.role === "revenue").map((l) => l.excl);
    expect(revenue.reduce((a, b) => a.plus(b)).toFixed(2)).toBe(booking.document.totals.excl);
  });
});

describe("the manual's rows, one by one", () => {
  const d = fixture("domestic-mixed");
  const rest = restSalesMutation(d.entry, ids, "1300");
  const soap = plain(soapSalesMutation(d.entry, "1300"));
  const inv = restInvoice(d.entry, ids, { templateId: "77" });
  const soapInv = plain(soapInvoice(d.entry, { template: "Invoice template", postInAccounting: true }));

  it("mutation TYPE 2 (invoice sent), ACCOUNT 1300 by default and adjustable", () => {
    expect(rest.type).toBe("2");
    expect(soap.Soort).toBe("FactuurVerstuurd");
    expect(soap.Rekening).toBe("1300");
    expect(plain(soapSalesMutation(d.entry, "1310")).Rekening).toBe("1310");
    expect(eboekhoudenSettingsSchema.parse({}).debtorLedger).toBe("1300");
  });

  it("DESCRIPTION: order number - payment method; only the number without a payment method", () => {
    expect(rest.description).toBe("ORD145 - mollie");
    expect(soapInv.BoekhoudmutatieOmschrijving).toBe("ORD145 - mollie");
    const noMethod = buildSalesEntry({ ...d.booking, document: { ...d.booking.document, paymentMethod: { classification: "default" } } }, d.settings);
    expect(noMethod.description).toBe("ORD145");
  });

  it("INVOICE and PAYMENT REFERENCE: the sales number (order number; the invoice number on request)", () => {
    expect(soap.Factuurnummer).toBe("ORD145");
    expect(soap.Betalingskenmerk).toBe("ORD145");
    const onRequest = buildSalesEntry({ ...d.booking, document: { ...d.booking.document, source: { ...d.booking.document.source, invoiceNumber: "F-2024-0099" } } }, eboekhoudenSettingsSchema.parse({ descriptionSource: "invoice-number" }));
    expect(onRequest.salesNumber).toBe("F-2024-0099");
  });

  it("DATE is the order date; INEX EX (SOAP); lines carry excl., incl., VAT amount, VAT code and offset account", () => {
    expect(soap.Datum).toBe("2024-03-02T00:00:00");
    expect(soap.InExBTW).toBe("EX");
    expect(soap.MutatieRegels).toMatchObject({ cMutatieRegel: [{ BedragExclBTW: "20.62", BedragInclBTW: "24.95", BedragBTW: "4.33", BTWCode: "HOOG_VERK_21", TegenrekeningCode: "8000" }, {}, {}] });
  });

  it("REST takes one amount per row: incl. VAT for incl. prices, so e-Boekhouden's VAT per row is the shop's", () => {
    expect(rest.inExVat).toBe("IN");
    expect(rest.rows.map((r) => r.amount)).toEqual(["24.95", "17.94", "4.95"]);
  });

  it("invoice: payment term 14, never editable", () => {
    expect(inv.termOfPayment).toBe("14");
    expect(soapInv.Betalingstermijn).toBe("14");
    expect(eboekhoudenSettingsSchema.safeParse({ paymentTerm: 30 }).data).not.toHaveProperty("paymentTerm");
  });

  it("invoice number: left to e-Boekhouden by default; the shop's number on request", () => {
    expect(inv).not.toHaveProperty("invoiceNumber");
    expect(soapInv).not.toHaveProperty("Factuurnummer");
    expect(restInvoice(d.entry, ids, { templateId: "77", invoiceNumber: "ORD145" }).invoiceNumber).toBe("ORD145");
  });

  it("invoice template by name, default 'Invoice template', editable; the wizard's templateId is taken as the name", () => {
    expect(soapInv.Factuursjabloon).toBe("Invoice template");
    expect(eboekhoudenSettingsSchema.parse({}).invoiceTemplate).toBe("Invoice template");
    expect(eboekhoudenSettingsSchema.parse({ invoiceTemplate: "Webshop" }).invoiceTemplate).toBe("Webshop");
    expect(eboekhoudenSettingsSchema.parse({ templateId: "Standaard" }).invoiceTemplate).toBe("Standaard");
  });

  it("DirectDebit false and not sent by email; PostInAccounting true for the legacy API, on request for tokens", () => {
    expect(soapInv.AutomatischeIncasso).toBe("false");
    expect(soapInv.PerEmailVerzenden).toBe("false");
    expect(inv).not.toHaveProperty("directDebit");
    expect(inv).not.toHaveProperty("email");
    expect(soapInv.InBoekhoudingPlaatsen).toBe("true");
    expect(inv).not.toHaveProperty("mutation");
    expect(restInvoice(d.entry, ids, { templateId: "77", mutationLedger: "1300" }).mutation).toEqual({ description: "ORD145 - mollie", ledgerId: "91300", paymentReference: "ORD145" });
  });

  it("lines: amount 1 (or the quantity), code = the article / SKU, description, price per unit excl. VAT, VAT code and offset account as configured", () => {
    expect(soapInv.Regels).toMatchObject({ cFactuurRegel: [{ Aantal: "1", Code: "6940478067395", Omschrijving: "Theepot blauw", PrijsPerEenheid: "20.62", BTWCode: "HOOG_VERK_21", TegenrekeningCode: "8000" }, {}, {}] });
  });

  it("CostCenterID is never provided", () => {
    const all = JSON.stringify([rest, soap, inv, soapInv, restPaymentMutation(buildPaymentEntry({ salesNumber: "ORD145", amount: "47.84", paidAt: "2024-03-03" }, "KlaartjePi5", d.settings), ids)]);
    expect(all).not.toMatch(/costCenter|Kostenplaats/i);
  });

  it("amounts reach the REST API as JSON numbers written from their decimal text", () => {
    const json = restJson(rest);
    expect(json).toContain('"amount":24.95');
    expect(json).toContain('"type":2');
    expect(json).toContain('"relationId":4711');
    expect(json).toContain('"invoiceNumber":"ORD145"');
    expect(restJson({ amount: "-0.10", quantity: "3", code: "12", note: "12.40" })).toBe('{"amount":-0.10,"quantity":3,"code":"12","note":"12.40"}');
  });
});

describe("OSS (manual ch. 5 and 7)", () => {
  it("each line becomes two: excl. VAT on the revenue account, the VAT on the configured VAT account of the country", () => {
    const { entry } = fixture("oss");
    expect(entry.lines.map((l) => [l.role, l.ledger, l.excl.toFixed(2), l.vatCode])).toEqual([
      ["revenue", "8000", "30.00", "GEEN"], ["oss-vat", "1630", "5.70", "GEEN"], ["revenue", "8200", "5.00", "GEEN"], ["oss-vat", "1630", "0.95", "GEEN"],
    ]);
  });

  it("a country without its own VAT account uses the general one; none configured is a clear error", async () => {
    const f = fixture("oss");
    const fr = { ...f.booking, document: { ...f.booking.document, deliveryCountry: "FR" } };
    expect(buildSalesEntry(fr, f.settings).lines[1]!.ledger).toBe("1620");
    const err = await caught(Promise.resolve().then(() => buildSalesEntry(fr, eboekhoudenSettingsSchema.parse({}))));
    expect(err).toMatchObject({ code: "config_invalid", retryable: false });
    expect(err.message).toMatch(/OSS.*FR/);
  });
});

describe("what cannot be booked is refused before anything is sent", () => {
  const d = fixture("domestic-mixed");
  it.each([
    ["a currency other than euro", { ...d.booking, document: { ...d.booking.document, currency: "USD" } }, "currency_not_supported"],
    ["a line without revenue account", { ...d.booking, lines: d.booking.lines.map((l, i) => (i === 0 ? { ...l, ledgerAccount: undefined } : l)) }, "config_invalid"],
    ["a purchase VAT code", { ...d.booking, lines: d.booking.lines.map((l, i) => (i === 0 ? { ...l, vatCode: "HOOG_INK_21" } : l)) }, "config_invalid"],
  ])("%s", async (_what, booking, code) => {
    const err = await caught(Promise.resolve().then(() => buildSalesEntry(booking as Booking, d.settings)));
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(false);
  });
});

describe("payment mutation (manual: 'Specification at field level e-Boekhouden payment mutation')", () => {
  const settings = eboekhoudenSettingsSchema.parse({ paymentAccount: "1100", paymentAccounts: { iDEAL: "1103" } });
  const p = buildPaymentEntry({ salesNumber: "123", amount: "119.90", paidAt: "2023-10-02T10:15:00Z", method: "iDEAL", transactionId: "trx_qwer" }, "KlaartjePi5", settings);

  it("type 'invoice payment received', relation, date, description 'method - number - transaction id', invoice number, entry document, term 14, IN", () => {
    expect(plain(soapPaymentMutation(p))).toEqual({
      Soort: "FactuurbetalingOntvangen", Datum: "2023-10-02T00:00:00", Rekening: "1103", RelatieCode: "KlaartjePi5", Factuurnummer: "123", Boekstuk: "trx_qwer",
      Omschrijving: "iDEAL - 123 - trx_qwer", Betalingstermijn: "14", InExBTW: "IN",
      MutatieRegels: { cMutatieRegel: { BedragInvoer: "119.90", BedragExclBTW: "119.90", BedragBTW: "0.00", BedragInclBTW: "119.90", BTWCode: "GEEN", BTWPercentage: "0", TegenrekeningCode: "1300" } },
    });
    expect(restPaymentMutation(p, ids)).toEqual({
      type: "3", date: "2023-10-02", ledgerId: "91103", relationId: "4711", invoiceNumber: "123", entryNumber: "trx_qwer", inExVat: "IN", description: "iDEAL - 123 - trx_qwer",
      rows: [{ invoiceNumber: "123", vatCode: "GEEN", amount: "119.90", description: "iDEAL - 123 - trx_qwer" }],
    });
  });

  it("the financial account: per payment method, else the default", () => {
    expect(buildPaymentEntry({ salesNumber: "9", amount: "1", paidAt: "2024-01-01", method: "PayPal" }, "X", settings).account).toBe("1100");
  });
});
