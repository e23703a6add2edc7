/**
 * The request bodies we send, field for field as the manual's "Field-level specification
 * Factuursturen" tables name them. Amounts, quantities and rates are decimal strings (the API
 * reads numbers from text, as its form-encoded clients send them), never JS floats.
 */

export type ReferenceLines = { line1?: string; line2?: string; line3?: string };

/** "Field-level specification of the Factuursturen customer". */
export type ClientPayload = {
  contact: string;
  showcontact: boolean;
  company: string;
  address: string;
  zipcode: string;
  city: string;
  /** A country name (the API also takes its own country id); the manual: the name of the ISO code, default Netherlands. */
  country: string;
  phone: string;
  mobile: string;
  email: string;
  /** The customer's IBAN: the manual leaves it empty. */
  bankcode: string;
  taxnumber: string;
  tax_shifted: boolean;
  sendmethod: "mail" | "email";
  paymentmethod: "bank";
  mailintro: string;
  reference: ReferenceLines;
  notes_on_invoice: boolean;
  tax_type: "intax" | "extax";
};

export type InvoiceLinePayload = {
  /** Quantity. */
  amount: string;
  description: string;
  /** VAT percentage, e.g. "21.00". */
  tax_rate: string;
  /** Unit price incl. or excl. VAT, as the customer's tax_type says. */
  price: string;
};

/** "Field-level specification of the Factuursturen invoice". */
export type InvoicePayload = {
  clientnr: string;
  action: "send" | "save";
  /** Required when sending; a saved draft is sent later from Factuursturen. */
  sendmethod?: "mail" | "email";
  /** Drafts: the name it is saved under (at most 20 characters), unique per account. */
  savename?: string;
  overwrite_if_exist?: false;
  profile?: string;
  /** The invoice date: the order date. */
  sent: string;
  alreadypaid?: "full";
  alreadypaidmethod?: string;
  reference: ReferenceLines;
  lines: Record<`line${number}`, InvoiceLinePayload>;
  /** How this invoice's line prices are to be read (the customer's type when absent): the type we priced them for. */
  tax_type?: "intax" | "extax";
};
