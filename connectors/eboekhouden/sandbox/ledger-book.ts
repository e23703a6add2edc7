import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { vatCodeInfo } from "../vat-codes";
import { newId, type EboekhoudenState, type InvoiceItemJson, type InvoiceJson, type MutationJson, type MutationRowJson, type ProductJson, type RelationJson } from "./state";
import { jsonNumber } from "../../sandbox/kit/json-number";

/**
 * The administration's bookkeeping, shared by both simulated APIs: validation with e-Boekhouden's
 * own error codes (the REST codes; soap.ts maps them to its ErrorMsg codes), VAT computed per row
 * from the VAT code, duplicate invoice numbers refused, open items derived from sales and payments.
 */

export type BookError = { code: string; message: string; propertyName?: string; status?: number };
export type Result<T> = { ok: true; value: T } | { ok: false; error: BookError };
const fail = (code: string, message: string, propertyName?: string, status = 400): { ok: false; error: BookError } => ({ ok: false, error: { code, message, propertyName, status } });

export const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
/** A value as the API's JSON number (the real API answers numbers; we compute in Decimal and only format here). */
export const num = (d: Decimal) => jsonNumber(d, 2);
export const dec = (n: number | null | undefined) => new D(String(n ?? 0));
const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
export const isIsoDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Mutation types (the spec's MutationType). */
export const TYPE = { received: 1, sent: 2, paymentReceived: 3, paymentSent: 4, moneyReceived: 5, moneySent: 6, journal: 7 } as const;

const ledgerById = (s: EboekhoudenState, id: number | undefined) => s.ledgers.find((l) => l.id === id);
export const ledgerByCode = (s: EboekhoudenState, code: string | undefined) => (code ? s.ledgers.find((l) => same(l.code, code)) : undefined);
export const relationByCode = (s: EboekhoudenState, code: string | undefined) => (code ? s.relations.find((r) => same(r.code, code)) : undefined);

/** VAT of a row the way e-Boekhouden computes it per row: from the amount as entered, at the code's rate. */
export function vatOf(vatCode: string, amount: Decimal, inEx: "IN" | "EX"): Decimal {
  const rate = new D(vatCodeInfo(vatCode)?.rate ?? "0");
  return round2(inEx === "IN" ? amount.times(rate).div(rate.plus(100)) : amount.times(rate).div(100));
}

export function rowTotals(row: Pick<MutationRowJson, "amount" | "vatAmount">, inEx: "IN" | "EX") {
  const amount = dec(row.amount);
  const vat = dec(row.vatAmount);
  return inEx === "IN" ? { excl: amount.minus(vat), vat, incl: amount } : { excl: amount, vat, incl: amount.plus(vat) };
}

export function mutationTotals(m: MutationJson) {
  const rows = m.rows.map((r) => rowTotals(r, m.inExVat));
  const total = (k: "excl" | "vat" | "incl") => rows.reduce((a, r) => a.plus(r[k]), new D(0));
  return { excl: total("excl"), vat: total("vat"), incl: total("incl") };
}

// ─── Relations ──────────────────────────────────────────────────────────────

export type RelationInput = Partial<Omit<RelationJson, "id" | "date" | "inactive">> & { date?: string };

export function addRelation(s: EboekhoudenState, input: RelationInput): Result<RelationJson> {
  const type = input.type ?? "B";
  if (type !== "B" && type !== "P") return fail("REL_001", "Relation type is invalid (B,P).", "type");
  if (!input.name?.trim()) return fail("REL_002", "Name is mandatory.", "name");
  if (input.name.length > 100) return fail("REL_003", "Name is too long.", "name");
  let code = input.code?.trim();
  if (code) {
    if (code.length > 15) return fail("REL_006", "Code is too long.", "code");
    if (relationByCode(s, code)) return fail("REL_049", "Code already exists.", "code");
  } else {
    do code = String(++s.counters.relation); while (relationByCode(s, code)); // e-Boekhouden numbers relations without a code
  }
  if (input.emailAddress && input.emailAddress.length > 150) return fail("REL_022", "Email is too long.", "emailAddress");
  if (input.emailAddress && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.emailAddress)) return fail("REL_023", "Email is invalid.", "emailAddress");
  if (input.companyRegistrationNumber && !/^\d+$/.test(input.companyRegistrationNumber)) return fail("REL_008", "Company registration number must be numeric.", "companyRegistrationNumber");
  const relation: RelationJson = {
    id: newId(s), type, code, date: input.date ?? new Date().toISOString().slice(0, 10), name: input.name.trim(),
    contact: input.contact ?? null, address: input.address ?? null, postalCode: input.postalCode ?? null, city: input.city ?? null,
    country: input.country ?? null, phoneNumber: input.phoneNumber ?? null, mobilePhoneNumber: input.mobilePhoneNumber ?? null,
    emailAddress: input.emailAddress ?? null, vatNumber: input.vatNumber ?? null, companyRegistrationNumber: input.companyRegistrationNumber ?? null,
    iban: input.iban ?? null, termOfPayment: input.termOfPayment ?? null, inactive: false,
  };
  s.relations.push(relation);
  return { ok: true, value: relation };
}

// ─── Products ──────────────────────────────────────────────────────────────

export type ProductInput = { code?: string; description?: string; vat?: string; ledgerId?: number; priceExcl?: Decimal; priceIncl?: Decimal; active?: boolean };

export function addProduct(s: EboekhoudenState, p: ProductInput): Result<ProductJson> {
  if (!p.code?.trim()) return fail("ART_004", "Product Code is missing.", "code");
  if (p.code.length > 50) return fail("ART_007", "Product Code is too long.", "code");
  if (!p.description?.trim()) return fail("ART_005", "Product Description is missing.", "description");
  if (!p.vat) return fail("ART_017", "Product VAT code is required.", "vat");
  if (vatCodeInfo(p.vat)?.kind !== "sale") return fail("ART_013", "Product VAT code could not be found.", "vat");
  if (p.ledgerId === undefined) return fail("ART_006", "Product Ledger ID is missing.", "ledgerId");
  const ledger = ledgerById(s, p.ledgerId);
  if (!ledger) return fail("ART_009", "Product Ledger could not be found.", "ledgerId");
  if (ledger.category !== "BAL" && ledger.category !== "VW") return fail("ART_028", "Ledger category must be 'BAL' or 'VW'.", "ledgerId");
  if (p.priceExcl && p.priceIncl) return fail("ART_016", "priceIncl cannot have a value when priceExcl is passed.", "priceIncl");
  if (!p.priceExcl && !p.priceIncl) return fail("ART_018", "Either priceExcl or priceIncl is required.", "priceExcl");
  const product: ProductJson = {
    id: newId(s), code: p.code.trim(), description: p.description.trim(), active: p.active ?? true,
    priceExcl: p.priceExcl ? num(p.priceExcl) : null, priceIncl: p.priceIncl ? num(p.priceIncl) : null,
    vat: p.vat, ledgerId: ledger.id, purchasePriceExcl: null, inStockManagement: false,
  };
  s.products.push(product);
  return { ok: true, value: product };
}

// ─── Mutations ──────────────────────────────────────────────────────────────

export type RowInput = { ledgerId?: number; vatCode?: string; amount?: Decimal; vatAmount?: Decimal; description?: string; invoiceNumber?: string; relationId?: number };
export type MutationInput = {
  type?: number; date?: string; ledgerId?: number; relationId?: number; invoiceNumber?: string; entryNumber?: string; termOfPayment?: number;
  paymentReference?: string; checkPaymentReference?: boolean; inExVat?: string; description?: string; rows?: RowInput[];
  /** SOAP gives every amount: its VAT amounts are taken as given (checked to add up). */
  vatGiven?: boolean;
  via: "rest" | "soap";
  invoiceId?: number;
};

const SALE_TYPES = new Set<number>([TYPE.received, TYPE.sent]);
const PAYMENT_TYPES = new Set<number>([TYPE.paymentReceived, TYPE.paymentSent]);
/** The mutation's own ledger: debtors for a sale, creditors for a purchase, a financial account for money. */
const LEDGER_CATEGORY: Record<number, string | undefined> = { 1: "CRED", 2: "DEB", 3: "FIN", 4: "FIN", 5: "FIN", 6: "FIN" };

export function addMutation(s: EboekhoudenState, m: MutationInput): Result<MutationJson> {
  const type = m.type;
  if (!type || type < 1 || type > 7) return fail("ERR_002", "Your request contains an invalid value.", "type");
  if (!m.date) return fail("MUT_003", "Date is missing.", "date");
  if (!isIsoDate(m.date)) return fail("ERR_002", "Your request contains an invalid value.", "date");
  if (m.ledgerId === undefined) return fail("MUTA_001", "Ledger id is missing.", "ledgerId");
  const ledger = ledgerById(s, m.ledgerId);
  const category = LEDGER_CATEGORY[type];
  if (!ledger || (category && ledger.category !== category)) return fail("MUT_007", "Unknown ledger for mutation.", "ledgerId");
  if (SALE_TYPES.has(type) || PAYMENT_TYPES.has(type)) {
    if (m.relationId === undefined) return fail("MUT_012", "Relation is missing.", "relationId");
    if (!s.relations.some((r) => r.id === m.relationId)) return fail("MUT_013", "Relation not found.", "relationId");
  }
  const invoiceNumber = m.invoiceNumber?.trim() || undefined;
  if (SALE_TYPES.has(type)) {
    if (!invoiceNumber) return fail("MUT_002", "Invoice number is missing.", "invoiceNumber");
    if (invoiceNumber.length > 50) return fail("MUT_018", "Invoice number is too long.", "invoiceNumber");
    // Sales invoice numbers are unique in the administration; purchase numbers per supplier.
    const taken = s.mutations.some((x) => x.type === type && same(x.invoiceNumber, invoiceNumber) && (type === TYPE.sent || x.relationId === m.relationId));
    if (taken) return type === TYPE.sent ? fail("MUT_019", "Invoice number already exists.", "invoiceNumber") : fail("MUT_020", "Combination relation/invoice number already exists.", "invoiceNumber");
  }
  if (m.termOfPayment !== undefined && !SALE_TYPES.has(type)) return fail("MUT_016", "Term of payment is prohibited.", "termOfPayment");
  if (!m.inExVat) return fail("MUTA_005", "In/Ex VAT is missing.", "inExVat");
  if (m.inExVat !== "IN" && m.inExVat !== "EX") return fail("MUT_017", "In/Ex VAT must be 'IN' or 'EX'.", "inExVat");
  const inEx = m.inExVat;
  if (m.checkPaymentReference && m.paymentReference && s.mutations.some((x) => same(x.paymentReference, m.paymentReference!))) {
    return fail("MUTA_008", "Payment reference already exists.", "paymentReference");
  }
  const rowsIn = m.rows ?? [];
  if (!rowsIn.length) return fail("MUT_100", "Rows are missing.", "rows");
  if (rowsIn.length > 500) return fail("MUT_101", "Too many rows.", "rows");

  const rows: MutationRowJson[] = [];
  for (const [i, r] of rowsIn.entries()) {
    const at = (field: string) => `rows[${i}].${field}`;
    if (type !== TYPE.paymentReceived && type !== TYPE.paymentSent) {
      if (r.ledgerId === undefined) return fail("MUTA_004", "Ledger ID for row is missing.", at("ledgerId"));
      const rowLedger = ledgerById(s, r.ledgerId);
      if (!rowLedger) return fail("MUT_104", "Unknown ledger for row.", at("ledgerId"));
      if (type <= 6 && ["FIN", "CRED", "DEB"].includes(rowLedger.category)) return fail("MUT_106", "Invalid ledger category for row.", at("ledgerId"));
    } else if (r.ledgerId !== undefined && !ledgerById(s, r.ledgerId)) {
      return fail("MUT_104", "Unknown ledger for row.", at("ledgerId"));
    }
    const info = r.vatCode ? vatCodeInfo(r.vatCode) : undefined;
    if (!info) return fail("MUT_109", "Invalid VAT code.", at("vatCode"));
    if (type === TYPE.sent && info.kind === "purchase") return fail("MUT_111", "VAT code must be of type sale.", at("vatCode"));
    if (type === TYPE.received && info.kind === "sale") return fail("MUT_110", "VAT code must be of type purchase.", at("vatCode"));
    if (r.amount === undefined) return fail("ERR_002", "Your request contains an invalid value.", at("amount"));
    const divergent = r.vatCode === "AFW" || r.vatCode === "AFW_VERK";
    if (r.vatAmount !== undefined && !divergent && !m.vatGiven) return fail("ERR_002", "vatAmount may only be used with AFW or AFW_VERK.", at("vatAmount"));
    let rowInvoice: string | null = null;
    if (PAYMENT_TYPES.has(type)) {
      rowInvoice = r.invoiceNumber?.trim() || null;
      if (!rowInvoice) return fail("MUT_120", "Invoice number is missing.", at("invoiceNumber"));
      const paidType = type === TYPE.paymentReceived ? TYPE.sent : TYPE.received;
      if (!s.mutations.some((x) => x.type === paidType && same(x.invoiceNumber, rowInvoice!) && x.relationId === (r.relationId ?? m.relationId))) {
        return fail("MUT_115", "Invoice not found.", at("invoiceNumber"));
      }
    }
    const vatAmount = r.vatAmount !== undefined ? round2(r.vatAmount) : vatOf(r.vatCode!, r.amount, inEx);
    rows.push({
      ledgerId: r.ledgerId ?? null, vatCode: r.vatCode!, amount: num(r.amount), vatAmount: num(vatAmount), description: r.description ?? null,
      invoiceNumber: rowInvoice, relationId: r.relationId ?? null,
    });
  }
  const byCode = new Map<string, Decimal>();
  for (const r of rows) byCode.set(r.vatCode, (byCode.get(r.vatCode) ?? new D(0)).plus(dec(r.vatAmount)));
  const mutation: MutationJson = {
    id: ++s.counters.mutation, type, date: m.date, description: m.description ?? null, termOfPayment: m.termOfPayment ?? null,
    ledgerId: ledger.id, relationId: m.relationId ?? null, inExVat: inEx, invoiceNumber: invoiceNumber ?? null, entryNumber: m.entryNumber ?? null,
    paymentReference: m.paymentReference ?? null, rows, vat: [...byCode].map(([vatCode, amount]) => ({ vatCode, amount: num(amount) })),
    bookedVia: m.via, invoiceId: m.invoiceId ?? null,
  };
  s.mutations.push(mutation);
  return { ok: true, value: mutation };
}

// ─── Invoices ───────────────────────────────────────────────────────────────

export type ItemInput = { quantity?: Decimal; code?: string; productId?: number; description?: string; pricePerUnit?: Decimal; vatCode?: string; vatAmount?: Decimal; ledgerId?: number; discountAmount?: Decimal; discountPercentage?: Decimal };
export type InvoiceInput = {
  invoiceNumber?: string; relationId?: number; date?: string; termOfPayment?: number; inExVat?: string; templateId?: number; reference?: string; text?: string;
  items?: ItemInput[];
  mutation?: { description?: string; ledgerId?: number; paymentReference?: string; checkPaymentReference?: boolean };
  via: "rest" | "soap";
};

const nextInvoiceNumber = (s: EboekhoudenState) => {
  let number: string;
  do number = `F${String(++s.counters.invoice).padStart(5, "0")}`; while (invoiceNumberTaken(s, number));
  return number;
};
/** An invoice number is taken by an invoice or by a sales mutation carrying it. */
const invoiceNumberTaken = (s: EboekhoudenState, number: string) =>
  s.invoices.some((i) => same(i.invoiceNumber, number)) || s.mutations.some((m) => m.type === TYPE.sent && same(m.invoiceNumber, number));

export function addInvoice(s: EboekhoudenState, input: InvoiceInput): Result<InvoiceJson> {
  if (input.relationId === undefined) return fail("FACT_001", "Relation ID is missing.", "relationId");
  const relation = s.relations.find((r) => r.id === input.relationId);
  if (!relation) return fail("FACT_002", "Relation not found.", "relationId");
  if (relation.inactive) return fail("FACT_003", "Relation is inactive.", "relationId");
  const template = s.templates.find((t) => t.id === input.templateId);
  if (!template) return fail("FACT_018", "Invoice template not found.", "templateId");
  if (input.termOfPayment === undefined) return fail("FACT_015", "Term of payment is missing.", "termOfPayment");
  if (input.termOfPayment < 0 || input.termOfPayment > 365) return fail("FACT_016", "Term of payment out of range.", "termOfPayment");
  const date = input.date ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(date)) return fail("FACT_012", "Invoice date invalid.", "date");
  const inEx = input.inExVat ?? "EX";
  if (inEx !== "IN" && inEx !== "EX") return fail("FACT_010", "Invoice VAT must be IN or EX.", "inExVat");
  if (input.reference && input.reference.length > 50) return fail("FACT_014", "Payment reference is too long.", "reference");
  let number = input.invoiceNumber?.trim();
  if (number) {
    if (number.length > 50) return fail("FACT_007", "Invoice number is too long.", "invoiceNumber");
    if (!/\d$/.test(number)) return fail("FACT_009", "Invoice number does not end with a digit.", "invoiceNumber");
    if (invoiceNumberTaken(s, number)) return fail("FACT_101", "Invoice number is in use.", "invoiceNumber");
  }
  const itemsIn = input.items ?? [];
  if (!itemsIn.length) return fail("FACT_019", "Invoice items are missing.", "items");

  const items: InvoiceItemJson[] = [];
  const lines: { excl: Decimal; vat: Decimal; incl: Decimal; entered: Decimal; item: InvoiceItemJson }[] = [];
  for (const [i, it] of itemsIn.entries()) {
    const at = (field: string) => `items[${i}].${field}`;
    if (!it.description?.trim()) return fail("FACT_ITEM_001", "Description invoice item is missing.", at("description"));
    if (it.description.length > 500) return fail("FACT_ITEM_002", "Description invoice item is too long.", at("description"));
    if (it.code && it.code.length > 50) return fail("FACT_ITEM_003", "Code invoice item is too long.", at("code"));
    if (it.pricePerUnit === undefined) return fail("FACT_ITEM_004", "Price per unit excl. VAT is missing.", at("pricePerUnit"));
    if (it.ledgerId === undefined) return fail("FACT_ITEM_007", "Ledger ID is missing", at("ledgerId"));
    if (!ledgerById(s, it.ledgerId)) return fail("FACT_ITEM_012", "Ledger account not found.", at("ledgerId"));
    const product = it.productId !== undefined ? s.products.find((p) => p.id === it.productId) : undefined;
    if (it.productId !== undefined && !product) return fail("FACT_ITEM_011", "Product not found.", at("productId"));
    const info = it.vatCode ? vatCodeInfo(it.vatCode) : undefined;
    if (!info || info.kind === "purchase") return fail("ERR_002", "Your request contains an invalid value.", at("vatCode"));
    if (it.vatAmount !== undefined && it.vatCode !== "AFW_VERK") return fail("FACT_ITEM_015", "VAT amount must be used with VAT code: 'AFW_VERK'", at("vatAmount"));
    const quantity = it.quantity ?? new D(1);
    if (quantity.decimalPlaces() > 4) return fail("ERR_002", "Your request contains an invalid value.", at("quantity"));
    let price = it.pricePerUnit;
    if (it.discountAmount) price = price.minus(it.discountAmount);
    if (it.discountPercentage) price = price.times(new D(100).minus(it.discountPercentage)).div(100);
    const entered = round2(quantity.times(price));
    const vat = it.vatAmount !== undefined ? round2(it.vatAmount) : vatOf(it.vatCode!, entered, inEx);
    const excl = inEx === "IN" ? entered.minus(vat) : entered;
    const item: InvoiceItemJson = {
      quantity: jsonNumber(quantity), unitId: null, code: product ? product.code : (it.code ?? null), productId: product?.id ?? null,
      description: it.description, pricePerUnit: jsonNumber(it.pricePerUnit), vatCode: it.vatCode!, vatAmount: num(vat), ledgerId: it.ledgerId, costCenterId: null,
    };
    items.push(item);
    lines.push({ excl, vat, incl: excl.plus(vat), entered, item });
  }
  if (input.mutation) {
    const ledgerId = input.mutation.ledgerId ?? ledgerByCode(s, "1300")!.id;
    if (!ledgerById(s, ledgerId)) return fail("MUT_007", "Unknown ledger for mutation.", "mutation.ledgerId");
    if (input.mutation.description && input.mutation.description.length > 200) return fail("FACT_VERWERK_002", "Description is too long.", "mutation.description");
    if (input.mutation.checkPaymentReference && input.mutation.paymentReference && s.mutations.some((x) => same(x.paymentReference, input.mutation!.paymentReference!))) {
      return fail("FACT_VERWERK_004", "Payment reference already exists.", "mutation.paymentReference");
    }
  }
  number ??= nextInvoiceNumber(s);
  const sum = (k: "excl" | "vat" | "incl") => lines.reduce((a, l) => a.plus(l[k]), new D(0));
  const invoice: InvoiceJson = {
    id: newId(s), invoiceNumber: number, relationId: relation.id, date, reference: input.reference ?? null, text: input.text ?? null,
    termOfPayment: input.termOfPayment, inExVat: inEx, templateId: template.id, emailTemplateId: null,
    totalExcl: num(sum("excl")), totalAmount: num(sum("incl")), vatAmount: num(sum("vat")),
    urlPdfFile: `https://secure.e-boekhouden.nl/bh/pdf/${number}.pdf`, items, mutationId: null, bookedVia: input.via,
  };
  if (input.mutation) {
    const booked = addMutation(s, {
      type: TYPE.sent, date, ledgerId: input.mutation.ledgerId ?? ledgerByCode(s, "1300")!.id, relationId: relation.id, invoiceNumber: number,
      termOfPayment: input.termOfPayment, paymentReference: input.mutation.paymentReference, inExVat: inEx, description: input.mutation.description,
      rows: lines.map((l) => ({ ledgerId: l.item.ledgerId, vatCode: l.item.vatCode, amount: l.entered, vatAmount: l.vat, description: l.item.description })),
      vatGiven: true, via: input.via, invoiceId: invoice.id,
    });
    if (!booked.ok) return booked;
    invoice.mutationId = booked.value.id;
  }
  s.invoices.push(invoice);
  return { ok: true, value: invoice };
}

// ─── Open items ─────────────────────────────────────────────────────────────

export type OpenItem = { mutation: MutationJson; relation: RelationJson | undefined; total: Decimal; paid: Decimal; outstanding: Decimal };

/** Open debtor items: each sale, less the payments booked on its invoice number. */
export function openItems(s: EboekhoudenState): OpenItem[] {
  return s.mutations
    .filter((m) => m.type === TYPE.sent)
    .map((m) => {
      const total = mutationTotals(m).incl;
      const paid = s.mutations
        .filter((p) => p.type === TYPE.paymentReceived && p.relationId === m.relationId)
        .flatMap((p) => p.rows.filter((r) => same(r.invoiceNumber, m.invoiceNumber ?? "")).map((r) => rowTotals(r, p.inExVat).incl))
        .reduce((a, b) => a.plus(b), new D(0));
      return { mutation: m, relation: s.relations.find((r) => r.id === m.relationId), total, paid, outstanding: total.minus(paid) };
    })
    .filter((o) => !o.outstanding.isZero());
}
