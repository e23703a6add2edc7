import type { Address, SalesDocument } from "@/lib/domain/sales-document";
import type { CcvAddress } from "./schemas";

type CcvCustomer = { email?: string | null; btw?: string | null; kvk?: string | null; billingaddress?: CcvAddress | null; deliveryaddress?: CcvAddress | null } | null | undefined;

const clean = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
};

export const countryCode = (value: string | null | undefined) => {
  const code = clean(value)?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
};

/** The manual's customer table: [billingaddress]/[deliveryaddress] fields; street or address_line1 as line 1. */
export function mapAddress(a: CcvAddress | null | undefined): Address | undefined {
  if (!a) return undefined;
  const number = clean(a.housenumber);
  const suffix = clean(a.housenumber_suffix);
  const street = clean(a.street);
  return {
    company: clean(a.company),
    firstName: clean(a.first_name),
    lastName: clean(a.last_name),
    street: street ?? clean(a.address_line1),
    houseNumber: number ? (suffix ? `${number} ${suffix}` : number) : undefined,
    addressLine2: clean(a.address_line_2) ?? clean(a.address_line2),
    zipcode: clean(a.zipcode),
    city: clean(a.city),
    country: countryCode(a.country_code),
    phone: clean(a.telephone) ?? clean(a.mobile),
  };
}

/** Customer: e-mail, VAT number ([vatnumber], the API's customer.btw), CoC ([billingaddress][kvk], else customer.kvk). */
export function mapCustomer(customer: CcvCustomer, header: { email?: string | null; vatnumber?: string | null }): SalesDocument["customer"] {
  const billing = mapAddress(customer?.billingaddress) ?? {};
  const delivery = mapAddress(customer?.deliveryaddress);
  return {
    email: clean(customer?.email) ?? clean(header.email),
    vatNumber: clean(header.vatnumber) ?? clean(customer?.btw),
    coc: clean(customer?.billingaddress?.kvk) ?? clean(customer?.kvk),
    billing,
    delivery,
  };
}
