import type { AccountingExport } from "@/connectors/sandbox/kit/create-sandbox";
import { sandboxCredentials } from "./credentials";
import { seedProfiles, seedTaxes, type ProfileJson, type TaxJson } from "./seed";

/** Factuursturen's own JSON, stringified values as the API returns them (fs_api fixtures). */
export type Reference = { line1: string; line2: string; line3: string };

export type ClientJson = {
  clientnr: string; contact: string; showcontact: string; company: string; address: string; zipcode: string; city: string;
  country: string; phone: string; mobile: string; email: string; bankcode: string; biccode: string; taxnumber: string;
  tax_shifted: string; lastinvoice: string; sendmethod: string; paymentmethod: string; top: string; stddiscount: string;
  mailintro: string; reference: Reference; notes: string; notes_on_invoice: string; active: string; default_doclang: string;
  default_email: string; currency: string; mandate_id: string; mandate_date: string; collecttype: string; tax_type: string;
  default_category: string; timestamp: string;
};

/** Lines come back with JSON numbers (fs_api fixture), the header with strings. */
export type InvoiceLineJson = { amount: number; amount_desc: string; description: string; tax_rate: number; price: number; discount_pct: number; linetotal: number };
export type TaxSumJson = { rate: number; sum: string; sum_of: string };
export type HistoryJson = { date: string; time: string; description: string };

export type InvoiceJson = {
  id: string; invoicenr_full: string; invoicenr: string; reference: Reference; lines: Record<string, InvoiceLineJson>;
  profile: string; discounttype: string; discount: string; paymentcondition: string; paymentperiod: string; collection: string;
  tax: string; totalintax: string; clientnr: string; company: string; contact: string; address: string; zipcode: string;
  city: string; country: string; phone: string; mobile: string; email: string; taxnumber: string; invoicenote: string;
  sent: string; uncollectible: string; lastreminder: string; open: string; paiddate: string; taxes: Record<string, TaxSumJson>;
  payment_url: string; duedate: string; history: Record<string, HistoryJson>;
};

/** Drafts (action "save") and recurring invoices (action "repeat") live in their own lists. */
export type StoredDraftJson = { id: string; savename: string; clientnr: string; profile: string; totalintax: string; datesaved: string; lines: Record<string, InvoiceLineJson>; reference: Reference };

export type PaymentJson = { invoicenr: string; amount: string; date: string; method: string };

export type ProductJson = { id: string; code: string; name: string; price: string; taxes: string; priceintax: string };

export type FactuursturenState = {
  login: { username: string; apiKey: string; active: boolean };
  profiles: ProfileJson[];
  taxes: TaxJson[];
  clients: ClientJson[];
  products: ProductJson[];
  invoices: InvoiceJson[];
  saved: StoredDraftJson[];
  repeated: StoredDraftJson[];
  payments: PaymentJson[];
  counters: { client: number; product: number; draft: number; invoice: Record<string, number> };
  /** Sandbox-only: the next n write requests are carried out, then their answer is lost (`_admin/lose-answers`). */
  loseAnswers: number;
};

const businessData = () => ({
  clients: [], products: [], invoices: [], saved: [], repeated: [], payments: [],
  counters: { client: 0, product: 0, draft: 0, invoice: {} },
});

export function initialState(tenant: string): FactuursturenState {
  return { login: { ...sandboxCredentials(tenant), active: true }, profiles: seedProfiles(), taxes: seedTaxes(), ...businessData(), loseAnswers: 0 };
}

/** `_admin/reset`: business data gone, layouts and rates re-seeded, the login (and whether it is active) kept. */
export function reset(state: FactuursturenState, tenant: string): FactuursturenState {
  return { ...initialState(tenant), login: state.login };
}

export function exportState(state: FactuursturenState): AccountingExport {
  return { contacts: state.clients, products: state.products, invoices: state.invoices, mutations: [], payments: state.payments };
}
