/**
 * The reference data of a fresh Dutch Rompslomp administration, as every sandbox tenant gets it.
 * Ids are fixed (the same in every tenant) so demo integrations can be pre-configured with them;
 * they are large integers like Rompslomp's own.
 */

export const SANDBOX_COMPANY_ID = 1058263417;

export const sandboxVatTypeIds = {
  /** 21% */
  high: 748551423,
  /** 9% (since 2019) */
  low: 768107468,
  /** 0%: exports outside the EU and intra-community supplies (ICP) with the customer's VAT number */
  zero: 755290841,
  /** btw verlegd: reverse-charged (EU services, domestic reverse charge) */
  reverseCharged: 712093365,
  /** vrijgesteld: exempt */
  exempt: 790311842,
  /** aangepast: any other rate (foreign OSS rates); the line's vat_rate is used */
  custom: 733905127,
  /** 6%, historical: only listed with ?since= before 2019 */
  lowOld: 702558107,
} as const;

export const sandboxAccountIds = {
  revenueHigh: 1204576831,
  revenueLow: 1204576907,
  revenueZero: 1204577013,
  revenueExempt: 1204577129,
  revenueIcp: 1204577245,
  revenueExport: 1204577361,
  shipping: 1204577477,
  paymentCosts: 1204577593,
  revenueOther: 683228542,
  paymentDifferences: 703966283,
  bank: 1187340219,
  cash: 1187340335,
  clearingIdeal: 1187340451,
  clearingPaypal: 1187340567,
  clearingCreditcard: 1187340683,
  clearingAfterpay: 1187340799,
} as const;

export const sandboxTemplateIds = { standard: 1339011876, webshop: 1339011992 } as const;

export type VatTypeRecord = {
  id: number;
  name: "vat_high" | "vat_low" | "vat_low_new" | "vat_reverse_charged" | "vat_none" | "vat_zero" | "vat_custom";
  friendly_name: string;
  value: string | null;
  /** Validity, for `?since=` (not part of Rompslomp's JSON). */
  valid_from?: string;
  valid_until?: string;
};

export type AccountJson = { id: number; name: string; path_name: string; path: string; reference: string; type: string | null; parent_id: number | null };
export type TemplateJson = { id: number; name: string; is_default: boolean };

export const ALL_SCOPES = [
  "public", "manage:companies", "manage:contacts", "manage:sales_invoices", "manage:payments", "manage:products",
  "read:accounts", "manage:journal_entries", "read:me", "manage:hours", "manage:rides", "manage:expenses", "manage:quotations",
] as const;

export function seedVatTypes(): VatTypeRecord[] {
  const v = sandboxVatTypeIds;
  return [
    { id: v.high, name: "vat_high", friendly_name: "hoog", value: "0.21" },
    { id: v.low, name: "vat_low_new", friendly_name: "laag", value: "0.09", valid_from: "2019-01-01" },
    { id: v.zero, name: "vat_zero", friendly_name: "0%", value: "0.0" },
    { id: v.reverseCharged, name: "vat_reverse_charged", friendly_name: "verlegd", value: "0.0" },
    { id: v.exempt, name: "vat_none", friendly_name: "vrijgesteld", value: "0.0" },
    { id: v.custom, name: "vat_custom", friendly_name: "aangepast", value: null },
    { id: v.lowOld, name: "vat_low", friendly_name: "laag (oud)", value: "0.06", valid_until: "2018-12-31" },
  ];
}

const REVENUE_PARENT = 730517089;
const ASSETS = 708176756;
const CURRENT = 708176872;
const LIQUID = 708176988;
const PAYMENT_METHODS = 708177104;
const COSTS_PARENT = 1105897365;

export function seedAccounts(): AccountJson[] {
  const a = sandboxAccountIds;
  const revenue = (id: number, reference: string, name: string, slug: string): AccountJson =>
    ({ id, name, path_name: `Omzet • ${name}`, path: `profit.revenue.${slug}`, reference, type: "revenue", parent_id: REVENUE_PARENT });
  const balance = (id: number, reference: string, name: string, pathName: string, path: string, parent: number | null): AccountJson =>
    ({ id, name, path_name: pathName, path, reference, type: "balance", parent_id: parent });
  const clearing = (id: number, ref: string, name: string, slug: string) =>
    balance(id, ref, name, `Activa • Vlottende activa • Betaalmethoden • ${name}`, `activa.current_assets.payment_methods.${slug}`, PAYMENT_METHODS);
  return [
    balance(ASSETS, "B1", "Activa", "Activa", "activa", null),
    balance(CURRENT, "B1.2", "Vlottende activa", "Activa • Vlottende activa", "activa.current_assets", ASSETS),
    balance(LIQUID, "B1.2.3", "Liquide middelen", "Activa • Vlottende activa • Liquide middelen", "activa.current_assets.liquid_assets", CURRENT),
    balance(a.bank, "B1.2.3.1", "Bank", "Activa • Vlottende activa • Liquide middelen • Bank", "activa.current_assets.liquid_assets.bank", LIQUID),
    balance(a.cash, "B1.2.3.2", "Kas", "Activa • Vlottende activa • Liquide middelen • Kas", "activa.current_assets.liquid_assets.cash", LIQUID),
    balance(PAYMENT_METHODS, "B1.2.4", "Betaalmethoden", "Activa • Vlottende activa • Betaalmethoden", "activa.current_assets.payment_methods", CURRENT),
    clearing(a.clearingIdeal, "B1.2.4.1", "iDEAL", "ideal"),
    clearing(a.clearingPaypal, "B1.2.4.2", "PayPal", "paypal"),
    clearing(a.clearingCreditcard, "B1.2.4.3", "Creditcard", "creditcard"),
    clearing(a.clearingAfterpay, "B1.2.4.4", "AfterPay", "afterpay"),
    { id: REVENUE_PARENT, name: "Omzet", path_name: "Omzet", path: "profit.revenue", reference: "P2", type: "revenue", parent_id: null },
    revenue(a.revenueOther, "P2.1", "Overig", "other"),
    revenue(a.paymentDifferences, "P2.2", "Betalingsverschillen", "payment_differences"),
    revenue(a.revenueHigh, "8000", "Omzet hoog", "revenue_high"),
    revenue(a.revenueLow, "8010", "Omzet laag", "revenue_low"),
    revenue(a.revenueZero, "8020", "Omzet 0%", "revenue_zero"),
    revenue(a.revenueExempt, "8030", "Omzet vrijgesteld", "revenue_exempt"),
    revenue(a.revenueIcp, "8100", "Omzet ICP", "revenue_icp"),
    revenue(a.revenueExport, "8110", "Omzet export buiten EU", "revenue_export"),
    revenue(a.shipping, "8200", "Verzendkosten", "shipping"),
    revenue(a.paymentCosts, "8300", "Betaalkosten", "payment_costs"),
    { id: COSTS_PARENT, name: "Kosten", path_name: "Kosten", path: "profit.costs", reference: "P1", type: "costs", parent_id: null },
    { id: 1562743109, name: "Administratiekosten", path_name: "Kosten • Overige kosten • Administratiekosten", path: "profit.costs.other_costs.administration", reference: "P1.5.2", type: "costs", parent_id: COSTS_PARENT },
    { id: 710827668, name: "Betalingsverschillen", path_name: "Kosten • Betalingsverschillen", path: "profit.costs.payment_differences", reference: "P1.10", type: "costs", parent_id: COSTS_PARENT },
  ];
}

export function seedTemplates(): TemplateJson[] {
  return [
    { id: sandboxTemplateIds.standard, name: "Standaard", is_default: true },
    { id: sandboxTemplateIds.webshop, name: "Webwinkel met logo", is_default: false },
  ];
}

export function seedCompany(tenant: string) {
  return {
    id: SANDBOX_COMPANY_ID,
    name: `Sandbox administratie ${tenant}`,
    owner_name: "Demo Gebruiker",
    address: "Oudegracht 100",
    zipcode: "3511 AX",
    city: "Utrecht",
    country_code: "NL",
    kvk_number: "12345678",
    email: `administratie+${tenant}@example.com`,
    website: null,
    type: "bv",
    vat_liable: true,
    vat_number: "NL001234567B01",
    access_control: { api_accessible: true, allowed_scopes: [...ALL_SCOPES] },
  };
}

export const seedUser = (tenant: string) => ({ first_name: "Demo", last_name: "Gebruiker", email: `administratie+${tenant}@example.com` });

/** Payment accounts (`?selection=payment`): liquid assets and payment-method clearing accounts. */
export const isPaymentAccount = (a: AccountJson) =>
  a.path.startsWith("activa.current_assets.liquid_assets.") || a.path.startsWith("activa.current_assets.payment_methods.");
