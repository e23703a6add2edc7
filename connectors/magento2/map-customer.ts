import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import type { MagentoAddress, MagentoOrder } from "./schemas";

const clean = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

const countryCode = (value: string | null | undefined) => {
  const code = clean(value)?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
};

/**
 * A Magento address. Dutch shops often configure 2–3 street lines: street, house number, addition;
 * a second line that starts with a digit is read as the house number, anything else as line 2.
 */
export function mapAddress(a: MagentoAddress | null | undefined): Address | undefined {
  if (!a) return undefined;
  const lines = (Array.isArray(a.street) ? a.street : (a.street ?? "").split("\n")).map((l) => l.trim()).filter(Boolean);
  const [street, second, ...rest] = lines;
  const numbered = second !== undefined && /^\d/.test(second);
  return {
    company: clean(a.company),
    firstName: clean(a.firstname),
    lastName: clean(a.lastname),
    street,
    houseNumber: numbered ? [second, ...rest].join(" ") : undefined,
    addressLine2: numbered ? undefined : clean([second, ...rest].filter(Boolean).join(", ")),
    zipcode: clean(a.postcode),
    city: clean(a.city),
    country: countryCode(a.country_id),
    phone: clean(a.telephone),
  };
}

/**
 * The customer of an invoice or credit memo is its order's: e-mail, billing address, the shipping
 * address of the first shipping assignment (the manual reads no shipping address; Magento has one),
 * VAT number from the billing address, else the customer's taxvat.
 */
export function mapCustomer(order: MagentoOrder): SalesDocument["customer"] {
  const billingAddress = order.billing_address;
  const shippingAddress = order.extension_attributes?.shipping_assignments?.find((s) => s.shipping?.address)?.shipping?.address;
  return {
    email: clean(order.customer_email) ?? clean(billingAddress?.email),
    vatNumber: clean(billingAddress?.vat_id) ?? clean(order.customer_taxvat),
    coc: undefined,
    billing: mapAddress(billingAddress) ?? { firstName: clean(order.customer_firstname), lastName: clean(order.customer_lastname) },
    delivery: mapAddress(shippingAddress),
  };
}
