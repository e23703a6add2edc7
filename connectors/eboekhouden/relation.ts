import type { SalesDocument } from "@/lib/domain/sales-document";

/**
 * PURE: the debtor we create for a document, whatever the API. Never used to change an existing
 * debtor (the manual: "the integration will never modify debtors in e-Boekhouden").
 */
export type RelationFields = {
  /** B(usiness) when a company name is present, else P(rivate). */
  type: "B" | "P";
  code: string;
  /** Company name, else the person's name (e-Boekhouden requires a name). */
  name: string;
  /** The person, when the name is the company's. */
  contact?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  phone?: string;
  email?: string;
  vatNumber?: string;
  coc?: string;
};

const clean = (value: string | undefined) => {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
};
const cut = (text: string | undefined, max: number) => (text && text.length > max ? text.slice(0, max) : text);

export function relationOf(doc: SalesDocument, code: string): RelationFields {
  const b = doc.customer.billing;
  const company = clean(b.company);
  const person = clean([b.firstName, b.lastName].filter(Boolean).join(" "));
  const email = clean(doc.customer.email);
  const street = clean([b.street, b.houseNumber].filter(Boolean).join(" "));
  const address = clean([street, clean(b.addressLine2)].filter(Boolean).join(", "));
  const fields: RelationFields = {
    type: company ? "B" : "P",
    code,
    name: cut(company ?? person ?? email ?? code, 100)!,
    contact: company ? cut(person, 100) : undefined,
    address: cut(address, 150),
    postalCode: cut(clean(b.zipcode), 50),
    city: cut(clean(b.city), 50),
    country: b.country,
    phone: cut(clean(b.phone), 50),
    email: cut(email, 150),
    vatNumber: cut(clean(doc.customer.vatNumber)?.replace(/\s/g, ""), 50),
    // e-Boekhouden wants the KvK number numeric (REL_008); anything else is left out rather than refused.
    coc: /^\d{1,20}$/.test(clean(doc.customer.coc) ?? "") ? clean(doc.customer.coc) : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RelationFields;
}
