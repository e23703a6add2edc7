import { money } from "@/lib/domain/money";
import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import type { Booking, BookingLine } from "../types";
import { invoiceStatusCode, PAYMENT_TERM_DAYS, type WefactSettings } from "./config";
import { amountText, inclPricing, PRICE_DECIMALS } from "./pricing";

/**
 * PURE: our domain → WeFact request payloads, following the manual's "Field-level specification
 * WeFact" tables (invoice, customer, product). Values are text: they travel form-encoded.
 */

export type InvoiceLinePayload = {
  Number: string;
  Description: string;
  PriceExcl: string;
  TaxCode: string;
  ProductCode?: string;
  AccountingCostCentre?: string;
};

export type ShippingFields = Partial<Record<(typeof SHIPPING_FIELD_NAMES)[number], string>>;

export type InvoicePayload = {
  Debtor?: string;
  DebtorCode?: string;
  Date: string;
  Term: string;
  VatCalcMethod: "incl";
  Description: string;
  ReferenceNumber: string;
  Comment: string;
  Status: string;
  InvoiceCode?: string;
  LanguageCode?: string;
  UseProductInventory: "no";
  CustomFields?: ShippingFields;
  InvoiceLines: InvoiceLinePayload[];
};

export type DebtorPayload = {
  CompanyName?: string;
  Initials?: string;
  SurName: string;
  TaxNumber?: string;
  Address?: string;
  ZipCode?: string;
  City?: string;
  Country?: string;
  EmailAddress?: string;
  PhoneNumber?: string;
};

export type ProductPayload = {
  ProductCode: string;
  ProductName: string;
  ProductKeyPhrase: string;
  PriceExcl: string;
  TaxCode?: string;
  AccountingCostCentre?: string;
};

export type ProductInput = { code: string; description: string; vatRate: string; unitPriceExcl: string; vatCode?: string };

/** The manual: the shipping address goes into these custom fields; their names cannot be changed. */
export const SHIPPING_FIELD_NAMES = [
  "shipping_company", "shipping_firstname", "shipping_lastname", "shipping_address", "shipping_zipcode", "shipping_city", "shipping_country",
] as const;

const MAX_PRODUCT_CODE = 50; // [I] WeFact's product numbers are short codes ("P0001")
const MAX_PRODUCT_NAME = 255;

const clean = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** Drops absent values, so a payload carries only what the document has. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** "[street] [house number]", as the manual's customer table says. */
const streetLine = (a: Address) => clean([a.street, a.houseNumber].map((p) => p?.trim()).filter(Boolean).join(" "));

/** Our idempotency reference inside the invoice's internal comment, searchable and exact to read back. */
export const referenceComment = (reference: string) => `Booked by the webshop integration [ref:${reference}]`;
export const referenceIn = (comment: string | undefined) => /\[ref:([^\]\s]+)\]/.exec(comment ?? "")?.[1];

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
/** The manual's example reads "The Netherlands"; other countries by their English name. */
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "NL") return "The Netherlands";
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The shipping address table: [shipping_company] … [shipping_country], from the delivery address. */
export function shippingFields(doc: SalesDocument): ShippingFields | undefined {
  const d = doc.customer.delivery;
  if (!d) return undefined;
  const fields = compact({
    shipping_company: clean(d.company),
    shipping_firstname: clean(d.firstName),
    shipping_lastname: clean(d.lastName),
    shipping_address: streetLine(d),
    shipping_zipcode: clean(d.zipcode),
    shipping_city: clean(d.city),
    shipping_country: countryName(d.country),
  });
  return Object.keys(fields).length ? fields : undefined;
}

/**
 * The manual: empty, or on request the order or invoice number. A credit note shares its order's
 * number with the invoice it credits, and WeFact numbers must be unique: it gets a "-C" suffix.
 */
function invoiceCode(doc: SalesDocument, setting: WefactSettings["invoiceCode"]): string | undefined {
  if (setting === "invoice-number") return doc.source.invoiceNumber ?? doc.source.number;
  if (setting !== "order-number") return undefined;
  const number = doc.source.orderNumber ?? doc.source.number;
  return doc.creditFactor === -1 && doc.source.orderNumber ? `${number}-C` : number;
}

/** Our debtor ids are WeFact's Identifiers; a fixed debtor the merchant typed as its code (DB10005) goes by DebtorCode. */
const debtorRef = (id: string) => (/^\d+$/.test(id.trim()) ? { Debtor: id.trim() } : { DebtorCode: id.trim() });

/** One invoice line: amount, description, unit price excl. VAT, the grid's VAT code. */
export function invoiceLine(line: BookingLine, costCenter?: string): InvoiceLinePayload {
  const { quantity, priceExcl, perUnit } = inclPricing(line.totalIncl, line.quantity, line.vatRate);
  return compact({
    Number: quantity.toFixed(),
    // When the price cannot be per unit, the quantity stays visible in the text.
    Description: perUnit ? line.description : `${money(line.quantity).toFixed()} × ${line.description}`,
    PriceExcl: amountText(priceExcl),
    TaxCode: line.vatCode,
    ProductCode: clean(line.productId),
    AccountingCostCentre: costCenter,
  });
}

export function invoicePayload(booking: Booking, settings: WefactSettings): InvoicePayload {
  const doc = booking.document;
  return compact({
    ...debtorRef(booking.debtorId),
    Date: doc.date,
    Term: String(PAYMENT_TERM_DAYS),
    // The manual: amounts incl. VAT, not changeable; WeFact confirmed invoices add up this way.
    VatCalcMethod: "incl" as const,
    Description: booking.description,
    ReferenceNumber: doc.source.orderNumber ?? doc.source.number,
    Comment: referenceComment(booking.reference),
    Status: invoiceStatusCode[settings.invoiceStatus],
    InvoiceCode: invoiceCode(doc, settings.invoiceCode),
    LanguageCode: settings.templateId ?? clean(booking.templateId),
    // WeFact would otherwise move stock; this is a financial integration, not a logistics one.
    UseProductInventory: "no" as const,
    CustomFields: shippingFields(doc),
    InvoiceLines: booking.lines.map((line) => invoiceLine(line, settings.costCenter)),
  });
}

/** The customer table; SurName "NN" when the last name is missing. Debtors are created, never changed. */
export function debtorPayload(doc: SalesDocument): DebtorPayload {
  const billing = doc.customer.billing;
  return compact({
    CompanyName: clean(billing.company),
    Initials: clean(billing.firstName),
    SurName: clean(billing.lastName) ?? "NN",
    TaxNumber: clean(doc.customer.vatNumber),
    Address: streetLine(billing),
    ZipCode: clean(billing.zipcode),
    City: clean(billing.city),
    Country: billing.country,
    EmailAddress: clean(doc.customer.email),
    PhoneNumber: clean(billing.phone),
  });
}

/**
 * The manual: "WeFact only accepts SKUs consisting of numbers/letters, without special characters."
 * Accents are folded ("é" → "e"), everything else dropped; a code with nothing left gets a stable
 * hex stand-in so the same SKU always finds the same product.
 */
export function cleanProductCode(code: string): string {
  const kept = code.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]/g, "");
  if (kept) return kept.slice(0, MAX_PRODUCT_CODE);
  const hex = Array.from(new TextEncoder().encode(code), (b) => b.toString(16).padStart(2, "0")).join("");
  return `X${hex || "0"}`.slice(0, MAX_PRODUCT_CODE);
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The product table: code, name, key phrase (the invoice text), price excl. VAT, VAT code, cost centre. */
export function productPayload(product: ProductInput, costCenter?: string): ProductPayload {
  // A product first met on a credit note must not get a negative catalogue price.
  const price = money(product.unitPriceExcl, "unit price excl. VAT").abs().toDecimalPlaces(PRICE_DECIMALS);
  return compact({
    ProductCode: cleanProductCode(product.code),
    ProductName: truncate(product.description.trim() || product.code, MAX_PRODUCT_NAME),
    ProductKeyPhrase: product.description.trim() || product.code,
    PriceExcl: amountText(price),
    TaxCode: clean(product.vatCode),
    AccountingCostCentre: costCenter,
  });
}
