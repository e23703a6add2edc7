import { money } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { ConnectorError, type Booking } from "../types";
import type { RompslompSettings } from "./config";
import { amountString, unitPriceFor, vatFraction } from "./unit-price";

/**
 * PURE: our domain → Rompslomp request payloads, following the manuals' field-level tables
 * ("Field-level specification Rompslomp": invoice, customer, product).
 */

export type SalesInvoiceLinePayload = {
  description: string;
  quantity: string;
  price_per_unit: string;
  vat_rate: string;
  vat_type_id: number;
  account_id?: number;
  product_id?: number;
};

export type SalesInvoicePayload = {
  date: string;
  due_date: string;
  contact_id: number;
  currency: string;
  description: string;
  template_id?: number;
  api_reference: string;
  vat_number?: string;
  validates_vat_number?: boolean;
  _publish: boolean;
  sends_copy_by_email_on_publish: boolean;
  invoice_lines: SalesInvoiceLinePayload[];
};

export type ContactPayload = {
  is_individual: boolean;
  is_supplier: boolean;
  company_name?: string;
  contact_person_name?: string;
  contact_person_email_address?: string;
  address?: string;
  zipcode?: string;
  city?: string;
  country_code?: string;
  kvk_number?: string;
  vat_number?: string;
  phone?: string;
};

export type ProductPayload = {
  has_stock: boolean;
  invoice_line: {
    description: string;
    price_per_unit: string;
    vat_rate: string;
    vat_type_id?: number;
    account_id?: number;
    product_code: string;
  };
};

export type PaymentPayload = { amount: string; description: string; paid_at: string; account_id?: number };

export type ProductInput = { code: string; description: string; vatRate: string; unitPriceExcl: string; vatCode?: string; ledgerAccount?: string };

/** The manual: due date is two weeks after the document date, "this cannot be adjusted". */
export const DUE_DAYS = 14;
const MAX_DESCRIPTION = 255;
const MAX_PRODUCT_CODE = 100;

/** Rompslomp ids are integers; our configuration carries them as digit strings. */
export function toId(value: string | undefined, what: string): number {
  const text = (value ?? "").trim();
  if (!/^\d{1,15}$/.test(text)) {
    throw new ConnectorError("config_invalid", `The ${what} "${value ?? ""}" is not a Rompslomp id. Choose it again in the Configuration tab.`, false);
  }
  return Number(text); // ids below 10^15 are exact as JS numbers
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isCredit = (doc: SalesDocument) => doc.creditFactor === -1 || doc.kind === "creditnote";

/**
 * Order number, or the invoice number when the merchant chose so (falling back to what the
 * pipeline resolved when the document lacks that number); a credit reads "Credit <number>".
 */
export function invoiceDescription(booking: Booking, source: RompslompSettings["descriptionSource"]): string {
  const { orderNumber, invoiceNumber } = booking.document.source;
  const number = (source === "invoice-number" ? invoiceNumber : orderNumber) ?? booking.description;
  if (!isCredit(booking.document) || /^credit\b/i.test(number)) return number;
  return `Credit ${number}`;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function salesInvoicePayload(
  booking: Booking,
  settings: Pick<RompslompSettings, "templateId" | "descriptionSource"> & Partial<Pick<RompslompSettings, "invoiceStatus" | "sendByEmail">>,
): SalesInvoicePayload {
  const publish = settings.invoiceStatus !== "concept";
  const doc = booking.document;
  const templateId = settings.templateId ?? booking.templateId;
  const lines = booking.lines.map((line): SalesInvoiceLinePayload => {
    const { quantity, price, decimals } = unitPriceFor(line.totalExcl, line.quantity);
    return {
      description: truncate(line.description, MAX_DESCRIPTION),
      quantity: quantity.toFixed(),
      price_per_unit: amountString(price, decimals),
      // Rompslomp takes the rate from the VAT type unless it is vat_custom; the manual sends the document's rate anyway.
      vat_rate: vatFraction(line.vatRate),
      vat_type_id: toId(line.vatCode, `VAT code for ${line.vatRate}%`),
      ...(line.ledgerAccount ? { account_id: toId(line.ledgerAccount, "ledger account") } : {}),
      ...(line.productId ? { product_id: toId(line.productId, "product") } : {}),
    };
  });
  return {
    date: doc.date,
    due_date: addDays(doc.date, DUE_DAYS),
    contact_id: toId(booking.debtorId, "debtor"),
    currency: doc.currency.toLowerCase(),
    description: invoiceDescription(booking, settings.descriptionSource),
    ...(templateId ? { template_id: toId(templateId, "invoice layout") } : {}),
    api_reference: booking.reference,
    // ICP needs the customer's VAT number on the invoice; our pre-check already validated it,
    // so Rompslomp's own (VIES-dependent) validation must not block the booking.
    ...(doc.icp && doc.customer.vatNumber ? { vat_number: doc.customer.vatNumber, validates_vat_number: false } : {}),
    // Published = booked with an invoice number (a concept waits for the merchant); sent to the
    // customer only when the merchant asked for it (the manual's default: never).
    _publish: publish,
    sends_copy_by_email_on_publish: publish && settings.sendByEmail === true,
    invoice_lines: lines,
  };
}

const clean = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The customer table: is_individual false when a company name is present. */
export function contactPayload(doc: SalesDocument): ContactPayload {
  const billing = doc.customer.billing;
  const company = clean(billing.company);
  const person = clean([billing.firstName, billing.lastName].map((p) => p?.trim()).filter(Boolean).join(" "));
  const street = clean([billing.street, billing.houseNumber].map((p) => p?.trim()).filter(Boolean).join(" "));
  const address = clean([street, clean(billing.addressLine2)].filter(Boolean).join("\n"));
  const email = clean(doc.customer.email);
  // Rompslomp requires a person's name for an individual; an email is better than nothing.
  const personName = person ?? (company ? undefined : (email ?? "Onbekend"));
  return {
    is_individual: !company,
    is_supplier: false,
    ...(company ? { company_name: company } : {}),
    ...(personName ? { contact_person_name: personName } : {}),
    ...(email ? { contact_person_email_address: email } : {}),
    ...(address ? { address } : {}),
    ...(clean(billing.zipcode) ? { zipcode: clean(billing.zipcode) } : {}),
    ...(clean(billing.city) ? { city: clean(billing.city) } : {}),
    ...(billing.country ? { country_code: billing.country } : {}),
    ...(clean(doc.customer.coc) ? { kvk_number: clean(doc.customer.coc) } : {}),
    ...(clean(doc.customer.vatNumber) ? { vat_number: clean(doc.customer.vatNumber) } : {}),
    ...(clean(billing.phone) ? { phone: clean(billing.phone) } : {}),
  };
}

/**
 * The manual: "Rompslomp only accepts SKUs consisting of numbers/letters". Accents are folded
 * ("é" → "e"), everything else dropped. A code with nothing left gets a stable hex stand-in so the
 * same SKU always finds the same product.
 */
export function cleanProductCode(code: string): string {
  const folded = code.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const kept = folded.replace(/[^A-Za-z0-9]/g, "");
  if (kept) return kept.slice(0, MAX_PRODUCT_CODE);
  const hex = Array.from(new TextEncoder().encode(code), (b) => b.toString(16).padStart(2, "0")).join("");
  return `X${hex || "0"}`.slice(0, MAX_PRODUCT_CODE);
}

/** The product table: description, VAT percentage and type, price excl. VAT, code; "in stock true". */
export function productPayload(product: ProductInput): ProductPayload {
  // A product first met on a credit note must not get a negative catalogue price.
  const price = money(product.unitPriceExcl, "unit price excl. VAT").abs();
  return {
    has_stock: true,
    invoice_line: {
      description: truncate(product.description, MAX_DESCRIPTION),
      price_per_unit: amountString(price, Math.min(price.decimalPlaces(), 10)),
      vat_rate: vatFraction(product.vatRate),
      ...(product.vatCode ? { vat_type_id: toId(product.vatCode, `VAT code for ${product.vatRate}%`) } : {}),
      ...(product.ledgerAccount ? { account_id: toId(product.ledgerAccount, "ledger account") } : {}),
      product_code: cleanProductCode(product.code),
    },
  };
}

/** The manual: amount, description (sales number and transaction id), clearing account, date. */
export function paymentPayload(p: { amount: string; paidAt: string; number: string; transactionId?: string; accountId?: string }): PaymentPayload {
  return {
    amount: amountString(money(p.amount, "payment amount")),
    description: [p.number, p.transactionId].filter(Boolean).join(" "),
    paid_at: /^\d{4}-\d{2}-\d{2}$/.test(p.paidAt) ? `${p.paidAt}T00:00:00.000+00:00` : p.paidAt,
    ...(p.accountId ? { account_id: toId(p.accountId, "payment clearing account") } : {}),
  };
}
