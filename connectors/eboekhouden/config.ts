import { z } from "zod";

/**
 * The two ways into e-Boekhouden (manual chapter 4):
 * - `token`: connections from 14 March 2025, an API token → REST API sessions;
 * - `legacy`: older connections, username + security code 1 + security code 2 → SOAP API sessions.
 */
export const tokenCredentialsSchema = z.object({
  mode: z.literal("token"),
  apiToken: z.string().trim().min(1, "The e-Boekhouden API token is missing"),
});

export const legacyCredentialsSchema = z.object({
  mode: z.literal("legacy"),
  username: z.string().trim().min(1, "The e-Boekhouden username is missing"),
  securityCode1: z.string().trim().min(1, "Security code 1 is missing"),
  securityCode2: z.string().trim().min(1, "Security code 2 is missing"),
});

export const eboekhoudenCredentialsSchema = z.discriminatedUnion("mode", [tokenCredentialsSchema, legacyCredentialsSchema]);

export type TokenCredentials = z.infer<typeof tokenCredentialsSchema>;
export type LegacyCredentials = z.infer<typeof legacyCredentialsSchema>;
export type EboekhoudenCredentials = z.infer<typeof eboekhoudenCredentialsSchema>;

/** Our own pseudo VAT code in the VAT grid: book the line as OSS (revenue line + VAT line on a balance account). */
export const VAT_OSS = "VAT_OSS";

/** The manual: payment term 14 days, "not editable". */
export const PAYMENT_TERM_DAYS = 14;

/** Identifies this integration to e-Boekhouden (REST `source` allows at most 10 characters). */
export const SESSION_SOURCE = "BoekKoppel";

const ledgerCode = z.string().trim().min(1).max(10);
const countryCode = z.string().regex(/^[A-Z]{2}$/);

/**
 * Every "on request" of the manual as a setting, with the manual's defaults.
 * Ledger accounts are e-Boekhouden ledger **codes** ("8000"), as the manual shows them and as both
 * APIs accept them (REST looks the id up), so the grid survives switching from the legacy codes to a token.
 */
export const eboekhoudenSettingsSchema = z.preprocess(
  // The wizard may store the chosen layout as `templateId`; for e-Boekhouden a template is named.
  (raw) => (raw && typeof raw === "object" && !("invoiceTemplate" in raw) && typeof (raw as { templateId?: unknown }).templateId === "string"
    ? { ...raw, invoiceTemplate: (raw as { templateId: string }).templateId }
    : raw),
  z.object({
    /** The administration chosen in the wizard (informational: a token or login opens exactly one). */
    companyId: z.string().optional(),
    /** Manual ch. 2: mutations by default; invoices on request. */
    bookAs: z.enum(["mutations", "invoices"]).default("mutations"),
    /**
     * Invoices only: also book the invoice as a mutation ("PostInAccounting"). Unset = the manual's
     * default for the way in: legacy connections post in accounting, token connections (from
     * 14 March 2025) create invoices without a corresponding mutation.
     */
    invoiceWithMutation: z.boolean().optional(),
    /** Invoice layout by name; default "Invoice template" (manual ch. 5, "Invoice layout"). */
    invoiceTemplate: z.string().trim().min(1).default("Invoice template"),
    /** Invoices: e-Boekhouden numbers them (recommended) or the shop's number is used. */
    invoiceNumbering: z.enum(["eboekhouden", "shop"]).default("eboekhouden"),
    /** Sales number and description: the order number, or on request the invoice number. */
    descriptionSource: z.enum(["order-number", "invoice-number"]).default("order-number"),
    /** The debtors ledger of the sale (manual: "ACCOUNT 1300 — usually 1300, can be adjusted on request"). */
    debtorLedger: ledgerCode.default("1300"),
    /** OSS (manual ch. 5): the balance-sheet account for VAT due in the country of delivery. */
    ossVatAccount: ledgerCode.optional(),
    /** The same per country of delivery; a country not listed uses `ossVatAccount`. */
    ossVatAccounts: z.record(countryCode, ledgerCode).default({}),
    /** VAT code of the OSS revenue line: no Dutch VAT ("GEEN"); the VAT is on its own line. */
    ossRevenueVatCode: z.string().default("GEEN"),
    /** Payments: the financial account they are booked on, per payment method (raw name) and by default. */
    paymentAccount: ledgerCode.default("1100"),
    paymentAccounts: z.record(z.string(), ledgerCode).default({}),
    /** Payments: also book a payment when e-Boekhouden shows no matching outstanding item (manual: "on request"). */
    paymentsWithoutOutstandingItem: z.boolean().default(false),
  }),
);

export type EboekhoudenSettings = z.infer<typeof eboekhoudenSettingsSchema>;
export type EboekhoudenSettingsInput = z.input<typeof eboekhoudenSettingsSchema>;

/** Production hosts: REST at api.e-boekhouden.nl (.be for Belgian accounts), SOAP at soap.e-boekhouden.nl. */
export const EBOEKHOUDEN_BASE_URL = "https://api.e-boekhouden.nl";

/**
 * Where each API lives for a connection's base URL. A sandbox tenant serves both under its own
 * base (`…/v1/…` and `…/soap.asmx`); the real REST host has the SOAP API on its own host.
 */
export function endpoints(baseUrl: string): { rest: string; soap: string } {
  const base = baseUrl.replace(/\/+$/, "");
  const host = /^https:\/\/(api|soap)\.e-boekhouden\.(nl|be)$/i.exec(base);
  if (host) return { rest: `https://api.e-boekhouden.${host[2]}/v1`, soap: "https://soap.e-boekhouden.nl/soap.asmx" };
  return { rest: `${base}/v1`, soap: `${base}/soap.asmx` };
}

export const sandboxBaseUrl = (appUrl: string, tenant: string) => `${appUrl.replace(/\/+$/, "")}/sandbox/eboekhouden/${tenant}`;
