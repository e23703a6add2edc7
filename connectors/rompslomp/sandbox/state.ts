import { randomInt } from "node:crypto";
import type { AccountingExport } from "@/connectors/sandbox/kit/create-sandbox";
import { ALL_SCOPES, seedAccounts, seedCompany, seedTemplates, seedUser, seedVatTypes, type AccountJson, type TemplateJson, type VatTypeRecord } from "./seed";

/** Rompslomp's own JSON for the objects the integration creates (what `_admin/state` exports). */
export type ContactJson = {
  id: number; is_individual: boolean; is_supplier: boolean; name: string | null; company_name: string | null;
  contact_person_name: string | null; contact_person_email_address: string | null; address: string | null; zipcode: string | null;
  city: string | null; government_identification_number: string | null; country_code: string | null; kvk_number: string | null;
  phone: string | null; vat_number: string | null; contact_number: string; free_1: string | null; free_2: string | null; free_3: string | null;
};

export type InvoiceLineJson = {
  id: number; description: string | null; extended_description: string | null; price_per_unit: string; price_with_vat: string;
  price_without_vat: string; vat_amount: string; vat_rate: string; vat_type_id: number; quantity: string;
  product_id: number | null; account_id: number | null; account_path: string | null;
};

export type ProductJson = { id: number; number_sold: number; has_stock: boolean; invoice_line: Omit<InvoiceLineJson, "product_id"> & { product_id: number; product_code: string } };

export type PaymentJson = {
  id: number; amount: string; description: string | null; account_id: number | null; account_path: string | null; paid_at: string;
  /** Sandbox-only: the invoice this payment was added to through `payments[]` (null for free-standing payments). */
  sales_invoice_id: number | null;
};

export type SalesInvoiceJson = {
  id: number; date: string; due_date: string; payment_method: string; description: string | null; status: "concept" | "published";
  price_without_vat: string; price_with_vat: string; vat_amount: string; contact_id: number | null; invoice_number: string | null;
  published_at: string | null; payment_status: "paid" | "unpaid" | "overpaid"; open_amount: string; currency: string;
  currency_exchange_rate: string; template_id: number | null; vat_number: string | null; validates_vat_number?: false;
  api_reference: string | null; payment_reference: string | null; sale_type: string | null; distance_sale: boolean;
  cached_contact: Record<string, string | null> | null; attachment_objects: unknown[]; invoice_lines: InvoiceLineJson[];
};

export type AuthCode = { code: string; clientId: string; redirectUri: string; scope: string; expiresAt: number; used: boolean };
export type TokenRecord = { accessToken: string; refreshToken: string; scope: string; createdAt: number; expiresAt: number; revoked: boolean };

/** An invoice emailed to its contact (sandbox bookkeeping; the real Rompslomp sends the mail). */
export type SentEmailJson = { invoice_id: number; invoice_number: string | null; to: string; sent_at: string };

export type RompslompState = {
  user: ReturnType<typeof seedUser>;
  company: ReturnType<typeof seedCompany>;
  vatTypes: VatTypeRecord[];
  accounts: AccountJson[];
  templates: TemplateJson[];
  oauth: { codes: AuthCode[]; tokens: TokenRecord[] };
  contacts: ContactJson[];
  products: ProductJson[];
  invoices: SalesInvoiceJson[];
  payments: PaymentJson[];
  /** Invoices Rompslomp emailed to their contact on publication (sends_copy_by_email_on_publish). */
  emails?: SentEmailJson[];
  /** Next object id: starts at a random large number and grows by random steps, like real ids. */
  nextId: number;
  counters: { contact: number; product: number; invoice: number };
};

/**
 * A refresh token every fresh tenant accepts once (it rotates like any other), so a demo
 * integration can be seeded as "connected" without walking the consent page: store
 * `{ accessToken: "", refreshToken: sandboxDemoRefreshToken(tenant), expiresAt: <past> }`.
 */
export const sandboxDemoRefreshToken = (tenant: string) => `sandbox-demo-refresh-${tenant}`;

const businessData = () => ({ contacts: [], products: [], invoices: [], payments: [], emails: [], counters: { contact: 0, product: 0, invoice: 0 } });

export function initialState(tenant: string): RompslompState {
  return {
    user: seedUser(tenant),
    company: seedCompany(tenant),
    vatTypes: seedVatTypes(),
    accounts: seedAccounts(),
    templates: seedTemplates(),
    oauth: {
      codes: [],
      tokens: [{ accessToken: "", refreshToken: sandboxDemoRefreshToken(tenant), scope: ALL_SCOPES.join(" "), createdAt: 0, expiresAt: 0, revoked: false }],
    },
    ...businessData(),
    nextId: randomInt(1_500_000_000, 2_000_000_000),
  };
}

/** `_admin/reset`: business data gone, reference data re-seeded, OAuth grants and tokens kept. */
export function reset(state: RompslompState, tenant: string): RompslompState {
  const fresh = initialState(tenant);
  return { ...fresh, oauth: state.oauth, nextId: state.nextId };
}

export function exportState(state: RompslompState): AccountingExport {
  return { contacts: state.contacts, products: state.products, invoices: state.invoices, mutations: [], payments: state.payments, ...(state.emails?.length ? { emails: state.emails } : {}) };
}

export function newId(state: RompslompState): number {
  state.nextId += randomInt(1_000, 90_000);
  return state.nextId;
}
