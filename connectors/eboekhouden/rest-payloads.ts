import type Decimal from "decimal.js";
import type { EntryLine, SalesEntry } from "./entry";
import type { PaymentEntry } from "./payment";
import type { RelationFields } from "./relation";
import { amountText } from "./unit-price";

/**
 * PURE: an entry as the REST API's request bodies (reference §2.A). Amounts and ids are decimal
 * strings here; `restJson` writes them as JSON numbers. The REST API names ledgers, relations and
 * templates by id: the caller resolves our codes and names first (`RestIds`).
 */

export type RestIds = {
  relationId: string;
  /** Ledger code → REST ledger id. */
  ledgerId: (code: string) => string;
};

const MUTATION_DESCRIPTION_MAX = 50; // reference: CreateMutation.description ≤ 50
const INVOICE_MUTATION_DESCRIPTION_MAX = 200; // FACT_VERWERK_002 beyond
const ITEM_DESCRIPTION_MAX = 500; // FACT_ITEM_002 beyond [I]
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The amount of a row as the mutation's inExVat says: incl. VAT for IN, excl. for EX. */
const rowAmount = (line: EntryLine, inEx: SalesEntry["inEx"]): Decimal => (inEx === "IN" ? line.incl : line.excl);

/** Manual "Specification at field level e-Boekhouden mutation" (the sale): type 2 "invoice sent". */
export function restSalesMutation(entry: SalesEntry, ids: RestIds, debtorLedger: string) {
  return {
    type: "2",
    date: entry.date,
    ledgerId: ids.ledgerId(debtorLedger),
    relationId: ids.relationId,
    invoiceNumber: entry.salesNumber,
    termOfPayment: String(entry.paymentTerm),
    paymentReference: entry.salesNumber,
    inExVat: entry.inEx,
    description: cut(entry.description, MUTATION_DESCRIPTION_MAX),
    rows: entry.lines.map((line) => ({
      ledgerId: ids.ledgerId(line.ledger),
      vatCode: line.vatCode,
      amount: amountText(rowAmount(line, entry.inEx)),
      description: cut(line.description, ITEM_DESCRIPTION_MAX),
    })),
  };
}

export type RestInvoiceOptions = {
  templateId: string;
  /** The shop's number when the merchant chose so; otherwise e-Boekhouden numbers the invoice. */
  invoiceNumber?: string;
  /** Also book the invoice as a mutation, on this debtors ledger. */
  mutationLedger?: string;
};

/** Manual "Field-level specification of the e-Boekhouden invoice". */
export function restInvoice(entry: SalesEntry, ids: RestIds, options: RestInvoiceOptions) {
  const price = (line: EntryLine) => (entry.inEx === "IN" ? line.priceIncl : line.priceExcl);
  return {
    ...(options.invoiceNumber ? { invoiceNumber: options.invoiceNumber } : {}),
    relationId: ids.relationId,
    date: entry.date,
    termOfPayment: String(entry.paymentTerm),
    inExVat: entry.inEx,
    templateId: options.templateId,
    // Where our sales number lives when e-Boekhouden numbers the invoice: it is how a retry finds it.
    reference: entry.salesNumber,
    ...(options.mutationLedger
      ? { mutation: { description: cut(entry.description, INVOICE_MUTATION_DESCRIPTION_MAX), ledgerId: ids.ledgerId(options.mutationLedger), paymentReference: entry.salesNumber } }
      : {}),
    items: entry.lines.map((line) => ({
      description: cut(line.description, ITEM_DESCRIPTION_MAX),
      ...(line.code ? { code: cut(line.code, 50) } : {}),
      quantity: line.quantity.toFixed(),
      pricePerUnit: amountText(price(line)),
      vatCode: line.vatCode,
      ledgerId: ids.ledgerId(line.ledger),
    })),
  };
}

/** The debtor (POST /v1/relation). */
export function restRelation(r: RelationFields) {
  return {
    type: r.type,
    code: r.code,
    name: r.name,
    ...(r.contact ? { contact: r.contact } : {}),
    ...(r.address ? { address: r.address } : {}),
    ...(r.postalCode ? { postalCode: r.postalCode } : {}),
    ...(r.city ? { city: r.city } : {}),
    ...(r.country ? { country: r.country } : {}),
    ...(r.phone ? { phoneNumber: r.phone } : {}),
    ...(r.email ? { emailAddress: r.email } : {}),
    ...(r.vatNumber ? { vatNumber: r.vatNumber } : {}),
    ...(r.coc ? { companyRegistrationNumber: r.coc } : {}),
  };
}

/** Manual "Specification at field level e-Boekhouden payment mutation": type 3 "invoice payment received". */
export function restPaymentMutation(p: PaymentEntry, ids: RestIds) {
  return {
    type: "3",
    date: p.date,
    ledgerId: ids.ledgerId(p.account),
    relationId: ids.relationId,
    invoiceNumber: p.invoiceNumber,
    entryNumber: p.entryNumber,
    inExVat: "IN",
    description: cut(p.description, MUTATION_DESCRIPTION_MAX),
    rows: [{ invoiceNumber: p.invoiceNumber, vatCode: "GEEN", amount: amountText(p.amount), description: cut(p.description, ITEM_DESCRIPTION_MAX) }],
  };
}
