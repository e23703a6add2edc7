import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import type { OrderPayload, PsAddress } from "./schemas";

/**
 * The manual's "Specification Prestashop customer details": the customer's addresses are fetched
 * by its [id]; the order's address id is taken, else the address with the customer's first and
 * last name, else the first. The ISO country comes from /api/countries/{id_country}.
 */
const clean = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};
const same = (a: string | undefined, b: string | undefined) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

export function resolveAddress(payload: OrderPayload, addressId: string | undefined): PsAddress | undefined {
  const { addresses, customer } = payload;
  // The order's own address counts even when deleted since (PrestaShop keeps it); the fallbacks prefer live ones.
  const live = [...addresses.filter((a) => !a.deleted), ...addresses.filter((a) => a.deleted)];
  return (
    addresses.find((a) => a.id === addressId) ??
    live.find((a) => customer && same(a.firstname, customer.firstname) && same(a.lastname, customer.lastname)) ??
    live[0]
  );
}

export function countryIso(payload: OrderPayload, countryId: string | undefined): string | undefined {
  const iso = payload.countries.find((c) => c.id === countryId)?.iso_code.trim().toUpperCase();
  return iso && /^[A-Z]{2}$/.test(iso) ? iso : undefined;
}

/**
 * An address in the manual's fields. "Last name - [lastname], part of the first space": a shop
 * that keeps the whole name in [firstname] gets it split at the first space.
 */
export function mapAddress(payload: OrderPayload, a: PsAddress | undefined): Address | undefined {
  if (!a) return undefined;
  let firstName = clean(a.firstname);
  let lastName = clean(a.lastname);
  if (!lastName && firstName?.includes(" ")) {
    const at = firstName.indexOf(" ");
    lastName = clean(firstName.slice(at + 1));
    firstName = clean(firstName.slice(0, at));
  }
  return {
    company: clean(a.company),
    firstName,
    lastName,
    street: clean(a.address1),
    addressLine2: clean(a.address2),
    zipcode: clean(a.postcode),
    city: clean(a.city),
    country: countryIso(payload, a.id_country),
    phone: clean(a.phone) ?? clean(a.phone_mobile),
  };
}

/** Customer: [email] of the customer; company and VAT number from the invoice address (else the customer's company). */
export function mapCustomer(payload: OrderPayload): { customer: SalesDocument["customer"]; invoiceCountry?: string; deliveryCountry?: string } {
  const invoiceAddress = resolveAddress(payload, payload.id_address_invoice);
  const deliveryAddress = resolveAddress(payload, payload.id_address_delivery ?? payload.id_address_invoice);
  const billing = mapAddress(payload, invoiceAddress) ?? {};
  if (!billing.company) billing.company = clean(payload.customer?.company);
  if (!billing.firstName && !billing.lastName) {
    billing.firstName = clean(payload.customer?.firstname);
    billing.lastName = clean(payload.customer?.lastname);
  }
  const delivery = mapAddress(payload, deliveryAddress);
  return {
    customer: {
      email: clean(payload.customer?.email),
      vatNumber: clean(invoiceAddress?.vat_number) ?? clean(deliveryAddress?.vat_number),
      billing,
      delivery,
    },
    invoiceCountry: billing.country,
    deliveryCountry: delivery?.country,
  };
}
