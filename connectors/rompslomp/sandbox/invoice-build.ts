import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { buildContact } from "./routes/contacts";
import { decimalParam, idParam, isIsoDate, rb, round2, stringParam, today, unpermitted } from "./http";
import { isPaymentAccount } from "./seed";
import { newId, type ContactJson, type InvoiceLineJson, type PaymentJson, type RompslompState, type SalesInvoiceJson, type SentEmailJson } from "./state";
import { rateOf, resolveVatType } from "./vat";

/** Rompslomp's sales-invoice rules: validation, line and invoice totals, publication, payments. */

const PERMITTED = [
  "date", "due_date", "payment_method", "custom_payment_instructions", "creates_pay_url_on_publish", "description", "contact_id", "contact",
  "currency", "currency_exchange_rate", "_publish", "sends_copy_by_email_on_publish", "template_id", "vat_number", "validates_vat_number",
  "api_reference", "payment_reference", "sale_type", "distance_sale", "invoice_lines", "payments",
] as const;
const LINE_PERMITTED = ["id", "description", "extended_description", "price_per_unit", "quantity", "vat_type_id", "vat_rate", "product_id", "account_id", "account_path", "_destroy"] as const;
const PAYMENT_PERMITTED = ["amount", "description", "paid_at", "account_id", "account_path"] as const;
const PAYMENT_METHODS = ["pay_transfer", "paid_cash", "paid_pin", "paid_already", "pay_ideal", "paid_sepa", "pay_custom"];
const EU = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];
const DEFAULT_PAYMENT_DAYS = 30;

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];

/** Strong parameters for a sales invoice body, nested lines and payments included. */
export function unpermittedInvoiceKeys(input: Record<string, unknown>): string[] {
  return [
    ...unpermitted(input, PERMITTED),
    ...records(input.invoice_lines).flatMap((l, i) => unpermitted(l, LINE_PERMITTED, `invoice_lines[${i}].`)),
    ...records(input.payments).flatMap((p, i) => unpermitted(p, PAYMENT_PERMITTED, `payments[${i}].`)),
  ];
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function buildLine(state: RompslompState, raw: Record<string, unknown>, n: number, errors: string[], id: number): InvoiceLineJson | undefined {
  const err = (m: string) => errors.push(`Factuurregel ${n} ${m}`);
  const description = stringParam(raw.description);
  if (description && description.length > 255) err("omschrijving is te lang (maximaal 255 tekens)");
  const price = decimalParam(raw.price_per_unit);
  if (raw.price_per_unit === undefined || raw.price_per_unit === null || raw.price_per_unit === "") err("stuksprijs moet opgegeven zijn");
  else if (!price) err("stuksprijs is geen getal");
  const quantity = raw.quantity === undefined || raw.quantity === null ? new D("1.0") : decimalParam(raw.quantity);
  if (!quantity) err("aantal is geen getal");
  const type = resolveVatType(state, raw.vat_type_id);
  if (!type) err("btw-soort bestaat niet");
  const customRate = decimalParam(raw.vat_rate);
  if (raw.vat_rate !== undefined && raw.vat_rate !== null && (!customRate || customRate.isNeg() || customRate.gt(1))) err("btw-percentage is ongeldig (een fractie, bijv. 0.21)");
  if (type?.name === "vat_custom" && !customRate) err("btw-percentage moet opgegeven zijn bij een aangepast btw-tarief");
  const productId = raw.product_id === undefined || raw.product_id === null ? null : (idParam(raw.product_id) ?? -1);
  if (productId !== null && !state.products.some((p) => p.id === productId)) err("product bestaat niet");
  const accountPath = stringParam(raw.account_path);
  const accountId = raw.account_id === undefined || raw.account_id === null ? null : (idParam(raw.account_id) ?? -1);
  const account = accountId !== null ? state.accounts.find((a) => a.id === accountId) : accountPath ? state.accounts.find((a) => a.path === accountPath) : undefined;
  if ((accountId !== null || accountPath) && (!account || account.type !== "revenue")) err("grootboekrekening is ongeldig (kies een omzetrekening)");
  if (!price || !quantity || !type) return undefined;

  const rate = rateOf(type, customRate);
  // Line totals: excl. rounded to cents, VAT on that rounded to cents (our reading of Rompslomp's rounding).
  const excl = round2(price.times(quantity));
  const vat = round2(excl.times(rate));
  return {
    id,
    description,
    extended_description: stringParam(raw.extended_description),
    price_per_unit: rb(price),
    price_with_vat: rb(excl.plus(vat)),
    price_without_vat: rb(excl),
    vat_amount: rb(vat),
    vat_rate: rb(rate),
    vat_type_id: type.id,
    quantity: rb(quantity),
    product_id: productId,
    account_id: account?.id ?? null,
    account_path: account?.path ?? null,
  };
}

function buildPayment(state: RompslompState, raw: Record<string, unknown>, n: number, errors: string[], invoiceId: number): PaymentJson | undefined {
  const err = (m: string) => errors.push(`Betaling ${n} ${m}`);
  const amount = decimalParam(raw.amount);
  if (!amount) err("bedrag is geen getal");
  const paidAt = stringParam(raw.paid_at);
  if (!paidAt || Number.isNaN(Date.parse(paidAt.replace(/ ([+-]\d{2})(\d{2})$/, "$1:$2").replace(" ", "T")))) err("betaaldatum is ongeldig");
  const accountId = raw.account_id === undefined || raw.account_id === null ? null : (idParam(raw.account_id) ?? -1);
  const accountPath = stringParam(raw.account_path);
  const account = accountId !== null ? state.accounts.find((a) => a.id === accountId) : accountPath ? state.accounts.find((a) => a.path === accountPath) : undefined;
  if (!account) err(accountId === null && !accountPath ? "rekening moet opgegeven zijn" : "rekening bestaat niet");
  else if (!isPaymentAccount(account)) err("rekening is geen betaalrekening (bank, kas of betaalmethode)");
  if (!amount || !paidAt || !account || !isPaymentAccount(account)) return undefined;
  return { id: newId(state), amount: rb(amount), description: stringParam(raw.description), account_id: account.id, account_path: account.path, paid_at: paidAt, sales_invoice_id: invoiceId };
}

export function normalizeVatNumber(value: string): string {
  return value.toUpperCase().replace(/[\s.-]/g, "");
}

const validVatNumber = (v: string) => (v.startsWith("NL") ? /^NL\d{9}B\d{2}$/.test(v) : /^(EL|[A-Z]{2})[0-9A-Z+*]{2,12}$/.test(v));

/** paid / unpaid / overpaid from the invoice total and the payments booked on it. */
export function settle(invoice: SalesInvoiceJson, payments: PaymentJson[]): void {
  const paid = payments.filter((p) => p.sales_invoice_id === invoice.id).reduce((s, p) => s.plus(p.amount), new D(0));
  const open = new D(invoice.price_with_vat).minus(paid);
  invoice.open_amount = rb(open);
  const total = new D(invoice.price_with_vat);
  invoice.payment_status = open.isZero() ? "paid" : open.isNeg() !== total.isNeg() ? "overpaid" : "unpaid";
}

const cached = (c: ContactJson) => ({
  name: c.name, contact_person_name: c.contact_person_name, address: c.address, zipcode: c.zipcode, city: c.city,
  country_code: c.country_code, contact_person_email_address: c.contact_person_email_address, contact_number: c.contact_number,
});

export type Built = { invoice: SalesInvoiceJson; contact?: ContactJson; payments: PaymentJson[]; email?: SentEmailJson } | { errors: string[] };

/**
 * Builds an invoice from a create body (or a concept merged with a PATCH). `existing` keeps its
 * id and line ids; `publishedBefore` blocks re-publication.
 */
export function buildInvoice(state: RompslompState, input: Record<string, unknown>, existing?: SalesInvoiceJson): Built {
  const errors: string[] = [];
  const id = existing?.id ?? newId(state);

  const date = input.date === undefined || input.date === null ? today() : input.date;
  if (!isIsoDate(date)) errors.push("Factuurdatum is ongeldig");
  else if (date < "1990-01-01") errors.push("Factuurdatum moet na 01/01/1990 liggen");
  const dateText = isIsoDate(date) ? date : today();
  const dueDate = input.due_date === undefined || input.due_date === null ? addDays(dateText, DEFAULT_PAYMENT_DAYS) : input.due_date;
  if (!isIsoDate(dueDate)) errors.push("Vervaldatum is ongeldig");
  else if (dueDate < dateText) errors.push("Vervaldatum mag niet voor de factuurdatum liggen");

  let contact: ContactJson | undefined;
  let newContact: ContactJson | undefined;
  if (input.contact && typeof input.contact === "object") {
    const built = buildContact(state, input.contact as Record<string, unknown>);
    if ("errors" in built) errors.push(...built.errors.map((e) => `Contact ${e.charAt(0).toLowerCase()}${e.slice(1)}`));
    else contact = newContact = built.contact;
  } else if (input.contact_id === undefined || input.contact_id === null || input.contact_id === "") {
    errors.push("Contact moet opgegeven zijn");
  } else {
    contact = state.contacts.find((c) => c.id === idParam(input.contact_id));
    if (!contact) errors.push("Contact bestaat niet");
  }

  const paymentMethod = stringParam(input.payment_method) ?? "pay_transfer";
  if (!PAYMENT_METHODS.includes(paymentMethod)) errors.push("Betaalmethode is ongeldig");
  if (paymentMethod === "pay_custom" && !stringParam(input.custom_payment_instructions)) errors.push("Betaalinstructies moeten opgegeven zijn");

  const currency = stringParam(input.currency) ?? "eur";
  const exchange = decimalParam(input.currency_exchange_rate);
  if (!/^[a-z]{3}$/.test(currency)) errors.push("Valuta is ongeldig (gebruik een ISO 4217-code in kleine letters, bijv. eur)");
  else if (currency !== "eur" && (!exchange || !exchange.gt(0))) errors.push("Wisselkoers moet opgegeven zijn voor een andere valuta dan euro");

  const templateId = input.template_id === undefined || input.template_id === null || input.template_id === "" ? null : (idParam(input.template_id) ?? -1);
  if (templateId !== null && !state.templates.some((t) => t.id === templateId)) errors.push("Factuursjabloon bestaat niet");

  const apiReference = stringParam(input.api_reference);
  if (apiReference && state.invoices.some((i) => i.api_reference === apiReference && i.id !== id)) errors.push("Api reference is al in gebruik");

  const existingLineIds = new Set(existing?.invoice_lines.map((l) => l.id));
  const lines = records(input.invoice_lines)
    .map((raw, i) => buildLine(state, raw, i + 1, errors, idParam(raw.id) !== undefined && existingLineIds.has(idParam(raw.id) ?? -1) ? (idParam(raw.id) ?? 0) : newId(state)))
    .filter((l): l is InvoiceLineJson => !!l);

  const publish = input._publish === true || input._publish === "true";
  if (publish && existing?.status === "published") errors.push("Factuur is al gepubliceerd");
  if (publish && records(input.invoice_lines).length === 0) errors.push("Factuurregels moeten opgegeven zijn");

  const validates = input.validates_vat_number !== false && input.validates_vat_number !== "false";
  const vatNumber = stringParam(input.vat_number);
  const normalized = vatNumber ? (validates ? normalizeVatNumber(vatNumber) : vatNumber) : null;
  if (normalized && validates && !validVatNumber(normalized)) errors.push("Btw-nummer is ongeldig");
  const types = lines.map((l) => state.vatTypes.find((t) => t.id === l.vat_type_id)?.name);
  const euAbroad = !!contact?.country_code && contact.country_code !== "NL" && EU.includes(contact.country_code);
  if (!normalized && (types.includes("vat_reverse_charged") || (types.includes("vat_zero") && euAbroad))) {
    errors.push("Btw-nummer moet opgegeven zijn bij btw verlegd of een levering tegen 0% naar een ander EU-land");
  }

  // Publishing with a copy by email sends the invoice to the contact, which needs an address.
  const emailed = publish && existing?.status !== "published" && (input.sends_copy_by_email_on_publish === true || input.sends_copy_by_email_on_publish === "true");
  if (emailed && !contact?.contact_person_email_address) errors.push("Contact heeft geen e-mailadres; de factuur kan niet per e-mail worden verstuurd");

  const payments = records(input.payments).map((raw, i) => buildPayment(state, raw, i + 1, errors, id)).filter((p): p is PaymentJson => !!p);
  if (errors.length) return { errors };

  const sum = (k: "price_without_vat" | "vat_amount" | "price_with_vat") => lines.reduce((s, l) => s.plus(l[k]), new D(0) as Decimal);
  const status = publish || existing?.status === "published" ? "published" : "concept";
  const invoice: SalesInvoiceJson = {
    id,
    date: dateText,
    due_date: String(dueDate),
    payment_method: paymentMethod,
    description: stringParam(input.description),
    status,
    price_without_vat: rb(sum("price_without_vat")),
    price_with_vat: rb(sum("price_with_vat")),
    vat_amount: rb(sum("vat_amount")),
    contact_id: contact?.id ?? null,
    invoice_number: existing?.invoice_number ?? (status === "published" ? `${dateText.slice(0, 4)}-${String(state.counters.invoice + 1).padStart(4, "0")}` : null),
    published_at: existing?.published_at ?? (status === "published" ? today() : null),
    payment_status: "unpaid",
    open_amount: "0.0",
    currency,
    currency_exchange_rate: currency === "eur" ? "1.0" : rb(exchange ?? new D(1)),
    template_id: templateId,
    vat_number: normalized,
    ...(validates ? {} : { validates_vat_number: false as const }),
    api_reference: apiReference,
    payment_reference: stringParam(input.payment_reference),
    sale_type: stringParam(input.sale_type),
    distance_sale: input.distance_sale === true,
    cached_contact: contact ? cached(contact) : null,
    attachment_objects: [],
    invoice_lines: lines,
  };
  settle(invoice, [...state.payments, ...payments]);
  const email = emailed && contact?.contact_person_email_address
    ? { invoice_id: id, invoice_number: invoice.invoice_number, to: contact.contact_person_email_address, sent_at: new Date().toISOString() }
    : undefined;
  return { invoice, contact: newContact, payments, ...(email ? { email } : {}) };
}

/** A concept as create-input, so a PATCH can be merged onto it and the whole re-validated. */
export function asInput(invoice: SalesInvoiceJson): Record<string, unknown> {
  return {
    date: invoice.date, due_date: invoice.due_date, payment_method: invoice.payment_method, description: invoice.description,
    contact_id: invoice.contact_id, currency: invoice.currency, currency_exchange_rate: invoice.currency === "eur" ? undefined : invoice.currency_exchange_rate,
    template_id: invoice.template_id, vat_number: invoice.vat_number, validates_vat_number: invoice.validates_vat_number,
    api_reference: invoice.api_reference, payment_reference: invoice.payment_reference, sale_type: invoice.sale_type, distance_sale: invoice.distance_sale,
    invoice_lines: invoice.invoice_lines.map((l) => ({
      id: l.id, description: l.description, extended_description: l.extended_description, price_per_unit: l.price_per_unit,
      quantity: l.quantity, vat_type_id: l.vat_type_id, vat_rate: l.vat_rate, product_id: l.product_id, account_id: l.account_id,
    })),
  };
}

/** PATCH lines: with an id → update that line, without → add, `{id, _destroy: true}` → delete. */
export function mergeLines(current: Record<string, unknown>[], patch: Record<string, unknown>[]): Record<string, unknown>[] {
  let lines = [...current];
  for (const p of patch) {
    const pid = idParam(p.id);
    if (pid === undefined) lines.push(p);
    else if (p._destroy === true || p._destroy === "true") lines = lines.filter((l) => l.id !== pid);
    else lines = lines.map((l) => (l.id === pid ? { ...l, ...p } : l));
  }
  return lines;
}
