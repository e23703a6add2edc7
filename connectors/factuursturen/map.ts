import { createHash } from "node:crypto";
import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import type { Booking } from "../types";
import type { FactuursturenSettings } from "./config";
import { countryName } from "./countries";
import type { ClientPayload, InvoiceLinePayload, InvoicePayload } from "./payloads";
import type { TaxType } from "./schemas";
import { priceLine, taxRate } from "./unit-price";

/**
 * PURE: our domain → Factuursturen request bodies, following the manual's two field-level
 * tables (invoice and customer), row by row.
 */

const clean = (value: string | undefined | null) => value?.replace(/\s+/g, " ").trim() ?? "";
const joined = (...parts: (string | undefined)[]) => parts.map(clean).filter(Boolean).join(" ");

/** Dutch (06…) and Belgian (04xx…) mobile numbers, with or without the country prefix. */
const MOBILE = /^(?:(?:\+|00)31\s*\(?0?\)?\s*6|06|(?:\+|00)32\s*\(?0?\)?\s*4[5-9]|04[5-9])/;

/**
 * The manual's [telnr] and [mobile]. Our address has one phone field (plus `mobile` where a
 * source supplies it); a number that is recognisably a mobile number goes in the mobile field.
 */
export function phoneNumbers(billing: Address & { mobile?: string }): { phone: string; mobile: string } {
  const phone = clean(billing.phone);
  const mobile = clean(billing.mobile);
  if (mobile) return { phone, mobile };
  if (phone && MOBILE.test(phone.replace(/[\s.-]/g, ""))) return { phone: "", mobile: phone };
  return { phone, mobile: "" };
}

/** Customer table: contact, company, address, country name, phones, email, VAT number, tax type… */
export function clientPayload(doc: SalesDocument, settings: Pick<FactuursturenSettings, "sendMethod">): ClientPayload {
  const billing = doc.customer.billing;
  const name = joined(billing.firstName, billing.lastName);
  // "[address1] [address2] [house_number]": street and number stay together, the second line follows.
  const address = joined(joined(billing.street, billing.houseNumber), billing.addressLine2);
  return {
    contact: name,
    showcontact: true,
    company: clean(billing.company),
    address,
    zipcode: clean(billing.zipcode),
    city: clean(billing.city),
    country: countryName(billing.country),
    ...phoneNumbers(billing),
    email: clean(doc.customer.email),
    bankcode: "",
    taxnumber: clean(doc.customer.vatNumber),
    tax_shifted: false,
    // "If sendinvoice is equal to debtorsend, then sendmethod=[email]. Otherwise always [mail]."
    sendmethod: settings.sendMethod,
    paymentmethod: "bank",
    mailintro: name ? `Dear ${name}` : "Dear Sir/Madam",
    reference: { line1: "Thank you for your order" },
    notes_on_invoice: false,
    // "If a priceincltax is passed, then tax_type = [intax], otherwise it is always [extax]."
    tax_type: doc.pricesIncludeVat ? "intax" : "extax",
  };
}

/** alreadypaidmethod is free text of at most 32 characters (reference §4). */
const MAX_PAID_METHOD = 32;

/**
 * Invoice table. `taxType` is the customer's, as Factuursturen has it: it decides whether the
 * line prices are read incl. or excl. VAT ("Depending on the VAT type of the debtor…").
 */
/** A draft's save name: at most 20 characters, the same for every attempt at one document (our reference, hashed). */
export const savenameOf = (reference: string) => `BK${createHash("sha256").update(reference).digest("hex").slice(0, 18)}`;

export function invoicePayload(booking: Booking, taxType: TaxType, settings: Pick<FactuursturenSettings, "sendMethod" | "templateId"> & Partial<Pick<FactuursturenSettings, "invoiceStatus">>): InvoicePayload {
  const doc = booking.document;
  const profile = settings.templateId ?? booking.templateId;
  const method = clean(doc.paymentMethod.raw);
  const lines: InvoicePayload["lines"] = {};
  booking.lines.forEach((line, i) => {
    const priced = priceLine(taxType === "intax" ? line.totalIncl : line.totalExcl, line.quantity, clean(line.description) || "Line");
    const payload: InvoiceLinePayload = { amount: priced.amount, description: priced.description, tax_rate: taxRate(line.vatRate), price: priced.price };
    lines[`line${i + 1}`] = payload;
  });
  return {
    clientnr: booking.debtorId,
    // A draft is saved under a name of its own and never overwritten; it is sent later from Factuursturen.
    ...(settings.invoiceStatus === "draft"
      ? { action: "save" as const, savename: savenameOf(booking.reference), overwrite_if_exist: false as const }
      : { action: "send" as const, sendmethod: settings.sendMethod }),
    ...(profile ? { profile } : {}),
    sent: doc.date,
    ...(doc.paid === true && settings.invoiceStatus !== "draft" ? { alreadypaid: "full" as const, ...(method ? { alreadypaidmethod: method.slice(0, MAX_PAID_METHOD) } : {}) } : {}),
    reference: {
      // The order number ("Credit …" for a credit), as the pipeline resolved it.
      line1: booking.description,
      ...(method ? { line2: `Payment method: ${method}` } : {}),
      // Our idempotency key: searchable, so a retry after a lost answer finds this invoice.
      line3: booking.reference,
    },
    lines,
  };
}
