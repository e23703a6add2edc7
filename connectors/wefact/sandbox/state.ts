import type { AccountingExport } from "@/connectors/sandbox/kit/create-sandbox";
import { sandboxApiKey, seedCorporateIdentities, seedTaxCodes, type CorporateIdentityJson, type TaxCodeJson } from "./seed";

/** WeFact's own JSON for what the integration creates (what `invoice/show` etc. and `_admin/state` answer). */
export type DebtorJson = {
  Identifier: number; DebtorCode: string; CompanyName: string; CompanyNumber: string; TaxNumber: string; Sex: string;
  Initials: string; SurName: string; Address: string; ZipCode: string; City: string; Country: string; EmailAddress: string;
  PhoneNumber: string; MobileNumber: string; InvoiceMethod: string; InvoiceTerm: string; LanguageCode: string; Currency: string;
  CustomFields: Record<string, string>; Created: string; Modified: string;
};

export type ProductJson = {
  Identifier: number; ProductCode: string; ProductName: string; ProductKeyPhrase: string; ProductDescription: string;
  NumberSuffix: string; PriceExcl: string; TaxCode: string; TaxPercentage: string; AccountingCostCentre: string; Created: string; Modified: string;
};

export type InvoiceLineJson = {
  Identifier: number; Date: string; Number: string; NumberSuffix: string; ProductCode: string; Description: string; PriceExcl: string;
  DiscountPercentage: string; DiscountPercentageType: string; TaxCode: string; TaxPercentage: string; AccountingCostCentre: string;
};

/** Sandbox-only (in `_admin/state`): the VAT summary per rate as the invoice PDF shows it. */
export type VatPerRateJson = { TaxPercentage: string; AmountExcl: string; AmountTax: string; AmountIncl: string };

export type InvoiceJson = {
  Identifier: number; InvoiceCode: string; Debtor: number; DebtorCode: string; Status: string; SubStatus: string; Date: string; Term: string;
  PayBefore: string; PaymentURL: string; AmountExcl: string; AmountTax: string; AmountIncl: string; AmountPaid: string; AmountOutstanding: string;
  Discount: string; VatCalcMethod: "excl" | "incl"; IgnoreDiscount: string; ReferenceNumber: string; CompanyName: string; Initials: string;
  SurName: string; Sex: string; Address: string; ZipCode: string; City: string; Country: string; EmailAddress: string; InvoiceMethod: string;
  SentDate: string; Sent: string; Authorisation: string; PaymentMethod: string; PayDate: string; TransactionID: string; LanguageCode: string;
  Currency: string; Description: string; Comment: string; AccountingCostCentre: string; UseProductInventory: string;
  CustomFields: Record<string, string>; InvoiceLines: InvoiceLineJson[]; Created: string; Modified: string;
  SandboxVatPerRate: VatPerRateJson[];
};

/** Sandbox-only (`_admin/state` payments): each markaspaid / partpayment WeFact accepted. */
export type WefactPaymentJson = { Invoice: number; InvoiceCode: string; Action: "markaspaid" | "partpayment"; Amount: string; PayDate: string; PaymentMethod: string };

export type WefactState = {
  apiKey: string;
  /** Instellingen → API: the IP addresses allowed to call; empty = not enforced in the sandbox. */
  ipWhitelist: string[];
  taxCodes: TaxCodeJson[];
  identities: CorporateIdentityJson[];
  debtors: DebtorJson[];
  products: ProductJson[];
  invoices: InvoiceJson[];
  /** Absent in tenants stored before payments existed. */
  payments?: WefactPaymentJson[];
  /** Sequences: identifiers per kind, debtor and product numbers, invoice numbers per year, draft numbers. */
  counters: { debtor: number; product: number; invoice: number; line: number; concept: number; invoiceNumbers: Record<string, number> };
};

const businessData = () => ({
  debtors: [], products: [], invoices: [], payments: [],
  counters: { debtor: 0, product: 0, invoice: 0, line: 0, concept: 0, invoiceNumbers: {} },
});

export function initialState(tenant: string): WefactState {
  return { apiKey: sandboxApiKey(tenant), ipWhitelist: [], taxCodes: seedTaxCodes(), identities: seedCorporateIdentities(), ...businessData() };
}

/** `_admin/reset`: business data gone, reference data re-seeded, the API key and IP whitelist kept. */
export function reset(state: WefactState, tenant: string): WefactState {
  return { ...initialState(tenant), apiKey: state.apiKey, ipWhitelist: state.ipWhitelist };
}

export function exportState(state: WefactState): AccountingExport {
  return { contacts: state.debtors, products: state.products, invoices: state.invoices, mutations: [], payments: state.payments ?? [] };
}

/** "2024-05-01 12:00:00", WeFact's datetime format. */
export const nowText = () => new Date().toISOString().replace("T", " ").slice(0, 19);
