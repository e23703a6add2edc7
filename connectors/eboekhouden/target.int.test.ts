import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { D } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { caught } from "../testing";
import type { Booking, ExternalCallRecord } from "../types";
import type { EboekhoudenCredentials } from "./config";
import { forgetRestSessions } from "./rest-client";
import { sandboxApiToken, sandboxLedgerId, sandboxLegacyCredentials } from "./sandbox/seed";
import type { MutationJson } from "./sandbox/state";
import { admin, baseUrl, legacyCredentials, rest, restSession, sandboxCtx, sandboxFetch, state, tokenCredentials } from "./sandbox/testing";
import { credentialForm, eboekhoudenSetup } from "./setup";
import { createEboekhoudenTarget, type EboekhoudenTarget } from "./target";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

function fixture(name: string): Booking {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as { booking: Booking };
  return { ...raw.booking, document: salesDocumentSchema.parse(raw.booking.document) };
}

/** The same booking under another order number (as the pipeline would describe it). */
const renumber = (b: Booking, number: string): Booking => ({ ...b, description: number, document: { ...b.document, source: { ...b.document.source, number, orderNumber: number } } });

/** VAT and totals of a booked mutation, per VAT code, to the cent. */
function totals(m: MutationJson) {
  const vat: Record<string, string> = {};
  let incl = new D(0);
  for (const r of m.rows) {
    const amount = new D(String(r.amount));
    const v = new D(String(r.vatAmount));
    incl = incl.plus(m.inExVat === "IN" ? amount : amount.plus(v));
    vat[r.vatCode] = new D(vat[r.vatCode] ?? 0).plus(v).toFixed(2);
  }
  return { incl: incl.toFixed(2), vat };
}

/** A fetch that arms the sandbox's `timeoutNext` fault right before the request that matches. */
function timeoutOn(tenant: string, matches: (req: Request) => boolean): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (matches(new Request(input, init))) await admin(tenant, "POST", "faults", { timeoutNext: 1 });
    return sandboxFetch(input, init);
  }) as typeof fetch;
}
const isCreation = (req: Request) => (req.method === "POST" && /\/v1\/(mutation|invoice)$/.test(new URL(req.url).pathname)) || /\/(AddMutatie|AddFactuur)"$/.test(req.headers.get("soapaction") ?? "");

const MODES: [string, "rest" | "soap", (tenant: string) => EboekhoudenCredentials][] = [
  ["REST (API token)", "rest", tokenCredentials],
  ["SOAP (username + security codes)", "soap", legacyCredentials],
];

describe.each(MODES)("e-Boekhouden target through %s", (_name, api, credentialsOf) => {
  const TENANT = `target-${api}`;
  const calls: ExternalCallRecord[] = [];
  const target = (settings: Record<string, unknown> = {}, extra: { fetch?: typeof fetch; timeoutMs?: number } = {}): EboekhoudenTarget =>
    createEboekhoudenTarget({ ...sandboxCtx(TENANT, credentialsOf(TENANT), calls), ...extra }, settings);
  let token: string;

  beforeAll(async () => {
    token = await restSession(TENANT);
    // The manual's example: KlaartjePi … KlaartjePi4 are taken already.
    for (const code of ["KlaartjePi", "KlaartjePi1", "KlaartjePi2", "KlaartjePi3", "KlaartjePi4"]) {
      await rest(TENANT, token, "POST", "/relation", { type: "P", code, name: "Klaartje Pietersen (eerder)" });
    }
  });

  async function booked(name: string, settings: Record<string, unknown> = {}): Promise<Booking> {
    const booking = fixture(name);
    const tgt = target(settings);
    const debtorId = (await tgt.findDebtorByEmail(booking.document.customer.email ?? "")) ?? (await tgt.createDebtor(booking.document));
    return { ...booking, debtorId };
  }

  it("debtor: found by email, else created with the manual's relation code (KlaartjePi5); never modified", async () => {
    const doc = fixture("domestic-mixed").document;
    const tgt = target();
    expect(await tgt.findDebtorByEmail("klaartje@example.nl")).toBeNull();
    expect(await tgt.createDebtor(doc)).toBe("KlaartjePi5");
    expect(await tgt.findDebtorByEmail("Klaartje@Example.nl")).toBe("KlaartjePi5");
    // A retry of the creation (its answer lost) finds the debtor instead of adding KlaartjePi6.
    expect(await tgt.createDebtor(doc)).toBe("KlaartjePi5");
    const relations = (await state(TENANT)).contacts.filter((c) => c.code.startsWith("KlaartjePi"));
    expect(relations.map((c) => c.code)).toEqual(["KlaartjePi", "KlaartjePi1", "KlaartjePi2", "KlaartjePi3", "KlaartjePi4", "KlaartjePi5"]);
    expect(relations[5]).toMatchObject({ type: "P", name: "Klaartje Pietersen", emailAddress: "klaartje@example.nl", address: "Kerkstraat 12a", postalCode: "3511 AB", city: "Utrecht", country: "NL" });
    expect(relations[0]!.name).toBe("Klaartje Pietersen (eerder)");
    const log = (await (await admin(TENANT, "GET", "requests")).json()) as { method: string }[];
    expect(log.some((r) => r.method === "PATCH")).toBe(false);
  });

  it("mutations: booked once, totals and VAT per rate to the cent; asking again returns the same booking", async () => {
    const booking = await booked("domestic-mixed");
    const tgt = target();
    const ref = await tgt.createInvoice(booking);
    expect(ref).toEqual({ id: expect.stringMatching(/^\d+$/), number: "ORD145" });
    expect(await tgt.createInvoice(booking)).toEqual(ref);
    const mutations = (await state(TENANT)).mutations.filter((m) => m.invoiceNumber === "ORD145");
    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toMatchObject({ type: 2, description: "ORD145 - mollie", termOfPayment: 14, paymentReference: "ORD145", bookedVia: api });
    expect(totals(mutations[0]!)).toEqual({ incl: "47.84", vat: { HOOG_VERK_21: "5.19", LAAG_VERK_9: "1.48" } });
    expect(await tgt.findInvoiceByReference(booking.reference)).toBeNull(); // e-Boekhouden cannot search our reference; createInvoice looks up the sales number
  });

  it("a lost answer at creation: the retry finds the booking instead of adding a second", async () => {
    const booking = renumber(await booked("icp"), "ORD301");
    await admin(TENANT, "POST", "lose-answers", { count: 1 });
    const err = await caught(target().createInvoice(booking));
    expect(err.retryable).toBe(true);
    const ref = await target().createInvoice(booking);
    const mutations = (await state(TENANT)).mutations.filter((m) => m.invoiceNumber === "ORD301");
    expect(mutations).toHaveLength(1);
    expect(ref.id).toBe(String(mutations[0]!.id));
    expect(totals(mutations[0]!)).toEqual({ incl: "32.50", vat: { BI_EU_VERK: "0.00" } });
  });

  it("a timeout at the moment of creation (faults: timeoutNext) is retryable, and the retry books once", async () => {
    const renumbered = renumber(await booked("domestic-mixed"), "ORD146");
    const err = await caught(target({}, { fetch: timeoutOn(TENANT, isCreation), timeoutMs: 1500 }).createInvoice(renumbered));
    expect(err).toMatchObject({ code: "timeout", retryable: true });
    // The hung request may still be on its way in the sandbox: whether it books or not, the retry must book once.
    await admin(TENANT, "POST", "faults", {});
    await target().createInvoice(renumbered);
    await target().createInvoice(renumbered);
    expect((await state(TENANT)).mutations.filter((m) => m.invoiceNumber === "ORD146")).toHaveLength(1);
  });

  it("a sales number already used by another debtor is refused, never booked over", async () => {
    const credit = await booked("credit");
    const other = renumber({ ...credit, document: { ...credit.document, kind: "order", creditFactor: 1 } }, "ORD145");
    const err = await caught(target().createInvoice(other));
    expect(err).toMatchObject({ code: "number_in_use", retryable: false });
    expect((await state(TENANT)).mutations.filter((m) => m.invoiceNumber === "ORD145")).toHaveLength(1);
  });

  it("a credit is booked under its own number with negative amounts", async () => {
    const credit = await booked("credit");
    await target().createInvoice(credit);
    const [m] = (await state(TENANT)).mutations.filter((x) => x.invoiceNumber === "100000012");
    expect(totals(m!)).toEqual({ incl: "-21.80", vat: { LAAG_VERK_9: "-1.80" } });
  });

  it("OSS: every line is two lines, revenue excl. VAT and the VAT on the country's VAT account", async () => {
    const booking = await booked("oss");
    await target({ ossVatAccount: "1620" }).createInvoice(booking);
    const [m] = (await state(TENANT)).mutations.filter((x) => x.invoiceNumber === "ORD200");
    expect(m!.rows.map((r) => [r.ledgerId, r.vatCode, r.amount])).toEqual([
      [sandboxLedgerId("8000"), "GEEN", 30], [sandboxLedgerId("1620"), "GEEN", 5.7], [sandboxLedgerId("8200"), "GEEN", 5], [sandboxLedgerId("1620"), "GEEN", 0.95],
    ]);
    expect(totals(m!).incl).toBe("41.65");
  });

  it("products: mutations need no article; invoices use existing articles and cannot create them", async () => {
    const before = calls.length;
    expect(await target().findProductByCode("WHATEVER-1")).toBe("WHATEVER-1");
    expect(calls.length).toBe(before);
    const invoices = target({ bookAs: "invoices" });
    expect(await invoices.findProductByCode("6940478067395")).toBeNull();
    const err = await caught(invoices.createProduct({ code: "6940478067395", description: "Theepot blauw", vatRate: "21", unitPriceExcl: "20.62" }));
    expect(err).toMatchObject({ code: "product_not_in_eboekhouden", retryable: false });
    expect(err.message).toContain('"6940478067395"');
    await rest(TENANT, token, "POST", "/product", { code: "6940478067395", description: "Theepot blauw", vat: "HOOG_VERK_21", ledgerId: sandboxLedgerId("8000"), priceExcl: 20.62 });
    expect(await invoices.findProductByCode("6940478067395")).toBe("6940478067395");
  });

  it("invoices: template by name, e-Boekhouden's number, totals to the cent; found again after a lost answer; the manual's default for a corresponding mutation", async () => {
    const booking = renumber(await booked("domestic-mixed"), "ORD500");
    const settings = { bookAs: "invoices", invoiceTemplate: "Standaard" };
    await admin(TENANT, "POST", "lose-answers", { count: 1 });
    expect((await caught(target(settings).createInvoice(booking))).retryable).toBe(true);
    const ref = await target(settings).createInvoice(booking);
    expect(await target(settings).createInvoice(booking)).toEqual(ref);
    const s = await state(TENANT);
    const invoices = s.invoices.filter((i) => i.id === Number(ref.id) || i.invoiceNumber === ref.number);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ invoiceNumber: ref.number, totalAmount: 47.84, vatAmount: 6.67, termOfPayment: 14, bookedVia: api });
    expect(invoices[0]!.items.map((i) => i.code)).toEqual(["6940478067395", "TEA-GREEN-100", "SHIPPINGCOSTS"]);
    // Legacy connections post invoices in accounting; token connections do not, unless asked.
    expect(invoices[0]!.mutationId === null).toBe(api === "rest");
  });

  it("invoices with a corresponding mutation on request, and the shop's number on request", async () => {
    const booking = renumber(await booked("domestic-mixed"), "2024001");
    const settings = { bookAs: "invoices", invoiceTemplate: "Invoice template", invoiceWithMutation: true, invoiceNumbering: "shop" };
    const ref = await target(settings).createInvoice(booking);
    expect(ref.number).toBe("2024001");
    expect(await target(settings).createInvoice(booking)).toEqual(ref);
    const s = await state(TENANT);
    const mutation = s.mutations.find((m) => m.invoiceNumber === "2024001");
    expect(mutation).toMatchObject({ type: 2, description: "2024001 - mollie" });
    expect(totals(mutation!).incl).toBe("47.84");
  });

  it("an unknown invoice template is a permanent error naming it", async () => {
    const booking = renumber(await booked("domestic-mixed"), "ORD501");
    const err = await caught(target({ bookAs: "invoices", invoiceTemplate: "Bestaat niet" }).createInvoice(booking));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("Bestaat niet");
  });

  it("sessions are renewed when e-Boekhouden ends them", async () => {
    const tgt = target();
    await tgt.findDebtorByEmail("klaartje@example.nl");
    await admin(TENANT, "POST", "expire-sessions");
    expect(await tgt.findDebtorByEmail("klaartje@example.nl")).toBe("KlaartjePi5");
  });

  it("payments: booked against the open item, once; refused when nothing or another amount is outstanding", async () => {
    const tgt = target({ paymentAccounts: { mollie: "1110" } });
    const paid = await tgt.addPayment({ salesNumber: "ORD145", amount: "47.84", paidAt: "2024-03-03", method: "mollie", transactionId: "tr_qwer" });
    expect(paid).toEqual({ id: expect.any(String), already: false });
    expect(await tgt.addPayment({ salesNumber: "ORD145", amount: "47.84", paidAt: "2024-03-03", method: "mollie", transactionId: "tr_qwer" })).toEqual({ id: paid.id, already: true });
    const payment = (await state(TENANT)).payments.find((p) => String(p.id) === paid.id);
    expect(payment).toMatchObject({ type: 3, ledgerId: sandboxLedgerId("1110"), entryNumber: "tr_qwer", description: "mollie - ORD145 - tr_qwer" });
    expect((await caught(tgt.addPayment({ salesNumber: "ORD145", amount: "47.84", paidAt: "2024-03-04", transactionId: "tr_other" }))).code).toBe("not_outstanding");
    expect((await caught(tgt.addPayment({ salesNumber: "ORD146", amount: "1.00", paidAt: "2024-03-04", transactionId: "tr_x" }))).code).toBe("amount_differs");
  });

  it("processing without outstanding item (on request): booked on the sale's own relation, dated by the sale; a sale that is not there waits", async () => {
    const tgt = target({ paymentsWithoutOutstandingItem: true });
    // ORD145 is paid in full by now (the test above): no open item left.
    const extra = await tgt.addPayment({ salesNumber: "ORD145", amount: "5.00", paidAt: "2024-03-09", salesDate: "2024-03-02", method: "iDEAL", transactionId: "tr_extra" });
    expect(extra.already).toBe(false);
    const all = await state(TENANT);
    const payment = all.payments.find((p) => String(p.id) === extra.id)!;
    const sale = all.mutations.find((m) => m.type === 2 && m.invoiceNumber === "ORD145")!;
    expect(payment).toMatchObject({ type: 3, relationId: sale.relationId, date: expect.stringMatching(/^2024-03-02/), inExVat: "IN", entryNumber: "tr_extra", description: "iDEAL - ORD145 - tr_extra" });
    expect(payment.rows).toEqual([expect.objectContaining({ amount: 5, vatAmount: 0, vatCode: "GEEN", invoiceNumber: "ORD145" })]);
    expect((await caught(tgt.addPayment({ salesNumber: "NOPE-1", amount: "5.00", paidAt: "2024-03-09", transactionId: "tr_nope" }))).code).toBe("invoice_not_found");
  });

  it("setup: connect checks the credentials with one session; administrations; catalog of VAT codes (with OSS), ledgers and templates", async () => {
    const values: Record<string, string> = api === "rest" ? { mode: "token", apiToken: sandboxApiToken(TENANT) } : { mode: "legacy", ...sandboxLegacyCredentials(TENANT) };
    expect(await credentialForm.connect({ baseUrl: baseUrl(TENANT), values, fetch: sandboxFetch })).toEqual(credentialsOf(TENANT));
    const wrong: Record<string, string> = api === "rest" ? { mode: "token", apiToken: "nope" } : { ...values, securityCode2: "nope" };
    expect(await caught(credentialForm.connect({ baseUrl: baseUrl(TENANT), values: wrong, fetch: sandboxFetch }))).toMatchObject({ code: "unauthorized", retryable: false });
    const ctx = { baseUrl: baseUrl(TENANT), credentials: credentialsOf(TENANT), fetch: sandboxFetch, onCredentials: async () => {} };
    expect(await eboekhoudenSetup.listAdministrations(ctx)).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: `Sandbox administratie ${TENANT}` }]);
    const catalog = await eboekhoudenSetup.catalog(ctx, "");
    expect(catalog.vatCodes.map((v) => v.id)).toEqual(expect.arrayContaining(["HOOG_VERK_21", "LAAG_VERK_9", "BI_EU_VERK", "BU_EU_VERK", "VAT_OSS"]));
    expect(catalog.vatCodes.some((v) => v.id === "HOOG_INK_21")).toBe(false);
    expect(catalog.accounts).toContainEqual({ id: "8000", code: "8000", name: "8000 Omzet hoog (VW)" });
    expect(catalog.templates.map((x) => x.name)).toEqual(api === "rest" ? ["Standaard", "Invoice template"] : ["Invoice template"]);
  });

  it("never records a secret in the exchanges kept for 'More info'", () => {
    const text = JSON.stringify(calls);
    const secrets = api === "rest" ? [sandboxApiToken(TENANT)] : [sandboxLegacyCredentials(TENANT).securityCode1, sandboxLegacyCredentials(TENANT).securityCode2];
    expect(calls.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"token":"(?!\[REDACTED\])/);
    expect(text).not.toMatch(/<SessionID>(?!\[REDACTED\])/);
  });
});

describe("credentials that stopped working", () => {
  it("an API token past its end date is a permanent 'unauthorized' that says what to do", async () => {
    forgetRestSessions();
    await admin("target-expired", "POST", "expire-token");
    const err = await caught(createEboekhoudenTarget(sandboxCtx("target-expired", tokenCredentials("target-expired")), {}).findDebtorByEmail("a@b.nl"));
    expect(err).toMatchObject({ code: "unauthorized", retryable: false });
    expect(err.message).toMatch(/end date/);
  });

  it("no credentials at all: not connected", async () => {
    expect(() => createEboekhoudenTarget(sandboxCtx("x", {}), {})).toThrow(/not connected/);
  });
});
