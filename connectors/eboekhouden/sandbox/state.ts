import type { AccountingExport } from "@/connectors/sandbox/kit/create-sandbox";
import { sandboxApiToken, sandboxLegacyCredentials, seedAdministration, seedLedgers, seedTemplates, type LedgerJson, type TemplateJson } from "./seed";

/**
 * One e-Boekhouden administration, shared by the REST and the SOAP API of the tenant. Objects are
 * kept in the REST API's JSON (what `_admin/state` exports); the SOAP API reads and writes the
 * same objects, translating codes to ids.
 */

export type RelationJson = {
  id: number; type: "B" | "P"; code: string; date: string; name: string; contact: string | null;
  address: string | null; postalCode: string | null; city: string | null; country: string | null;
  phoneNumber: string | null; mobilePhoneNumber: string | null; emailAddress: string | null;
  vatNumber: string | null; companyRegistrationNumber: string | null; iban: string | null; termOfPayment: number | null; inactive: boolean;
};

export type ProductJson = {
  id: number; code: string; description: string; active: boolean; priceExcl: number | null; priceIncl: number | null;
  vat: string; ledgerId: number; purchasePriceExcl: number | null; inStockManagement: boolean;
};

export type MutationRowJson = {
  ledgerId: number | null; vatCode: string; amount: number; vatAmount: number; description: string | null;
  invoiceNumber: string | null; relationId: number | null;
};

export type MutationJson = {
  id: number; type: number; date: string; description: string | null; termOfPayment: number | null; ledgerId: number;
  relationId: number | null; inExVat: "IN" | "EX"; invoiceNumber: string | null; entryNumber: string | null;
  paymentReference: string | null; rows: MutationRowJson[]; vat: { vatCode: string; amount: number }[];
  /** Sandbox-only: which API booked it ("rest" | "soap") and the invoice it belongs to. */
  bookedVia: "rest" | "soap"; invoiceId: number | null;
};

export type InvoiceItemJson = {
  quantity: number; unitId: number | null; code: string | null; productId: number | null; description: string;
  pricePerUnit: number; vatCode: string; vatAmount: number; ledgerId: number; costCenterId: number | null;
};

export type InvoiceJson = {
  id: number; invoiceNumber: string; relationId: number; date: string; reference: string | null; text: string | null;
  termOfPayment: number; inExVat: "IN" | "EX"; templateId: number; emailTemplateId: number | null;
  totalExcl: number; totalAmount: number; vatAmount: number; urlPdfFile: string; items: InvoiceItemJson[];
  /** Sandbox-only: the mutation booked with it (PostInAccounting / `mutation`), or null; which API created it. */
  mutationId: number | null; bookedVia: "rest" | "soap";
};

export type Session = { token: string; expiresAt: number; source: string };

export type EboekhoudenState = {
  administration: ReturnType<typeof seedAdministration>;
  ledgers: LedgerJson[];
  templates: TemplateJson[];
  auth: {
    apiTokens: { token: string; expiresAt: string | null }[];
    legacy: ReturnType<typeof sandboxLegacyCredentials>;
    restSessions: Session[];
    soapSessions: Session[];
  };
  relations: RelationJson[];
  products: ProductJson[];
  mutations: MutationJson[];
  invoices: InvoiceJson[];
  counters: { relation: number; invoice: number; mutation: number; object: number };
  /** Sandbox-only fault: the next N writes are carried out, then answered 504 (the answer is lost). */
  loseAnswers: number;
};

const businessData = () => ({
  relations: [], products: [], mutations: [], invoices: [],
  counters: { relation: 0, invoice: 0, mutation: 0, object: 5_000_000 },
  loseAnswers: 0,
});

export function initialState(tenant: string): EboekhoudenState {
  return {
    administration: seedAdministration(tenant),
    ledgers: seedLedgers(),
    templates: seedTemplates(),
    auth: {
      apiTokens: [{ token: sandboxApiToken(tenant), expiresAt: null }],
      legacy: sandboxLegacyCredentials(tenant),
      restSessions: [],
      soapSessions: [],
    },
    ...businessData(),
  };
}

/**
 * `_admin/reset`: business data gone, reference data re-seeded; tokens, login and open sessions
 * kept, and object ids keep growing: a real administration never hands out an id twice, and the
 * app caches relation ids for minutes.
 */
export function reset(state: EboekhoudenState, tenant: string): EboekhoudenState {
  const fresh = initialState(tenant);
  return { ...fresh, auth: state.auth, counters: { ...fresh.counters, object: Math.max(fresh.counters.object, state.counters?.object ?? 0) } };
}

/** `_admin/state`: what the integration created, in the REST API's JSON. e-Boekhouden has no separate payments: they are mutations (type 3). */
export function exportState(state: EboekhoudenState): AccountingExport {
  return { contacts: state.relations, products: state.products, invoices: state.invoices, mutations: state.mutations, payments: state.mutations.filter((m) => m.type === 3) };
}

/** Object ids grow like real ones (relations, products, invoices); mutation numbers count from 1. */
export function newId(state: EboekhoudenState): number {
  state.counters.object += 1 + (state.counters.object % 7);
  return state.counters.object;
}
