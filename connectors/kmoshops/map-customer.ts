import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import { resolveCountry } from "./countries";
import type { KmoAddress, KmoOrder } from "./schemas";

const clean = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
};

/**
 * The manual's customer table: contact [firstname] [lastname], [company], address
 * [address1] [address2] [house_number], [zipcode], [city], [country] (or [countryname]; none → the
 * shop's country), phone [telnr]. The domain address has one phone: [telnr], else [mobile].
 */
function mapAddress(a: KmoAddress | null | undefined, names: { firstname?: string | null; lastname?: string | null; company?: string | null; telnr?: string | null; mobile?: string | null }, fallbackCountry: string, where: string): Address {
  return {
    company: clean(a?.company) ?? clean(names.company),
    firstName: clean(a?.firstname) ?? clean(names.firstname),
    lastName: clean(a?.lastname) ?? clean(names.lastname),
    street: clean(a?.address1),
    houseNumber: clean(a?.house_number),
    addressLine2: clean(a?.address2),
    zipcode: clean(a?.zipcode),
    city: clean(a?.city),
    country: resolveCountry(a, fallbackCountry, where),
    phone: clean(a?.telnr) ?? clean(names.telnr) ?? clean(a?.mobile) ?? clean(names.mobile),
  };
}

/** Customer: [email] and [vatnumber] from the customer, else the billing address; billing and delivery addresses. */
export function mapCustomer(order: KmoOrder, shopCountry: string): SalesDocument["customer"] {
  const customer = order.customer ?? {};
  const billing = mapAddress(order.billing_address, customer, shopCountry, "billing address");
  const delivery = order.shipping_address ? mapAddress(order.shipping_address, {}, billing.country ?? shopCountry, "shipping address") : undefined;
  return {
    email: clean(customer.email) ?? clean(order.billing_address?.email),
    vatNumber: (clean(customer.vatnumber) ?? clean(order.billing_address?.vatnumber))?.replace(/[\s.]/g, "").toUpperCase(),
    coc: undefined,
    billing,
    delivery,
  };
}
