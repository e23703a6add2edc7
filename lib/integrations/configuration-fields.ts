import type { SourceSystem, TargetSystem } from "@/connectors/types";

/**
 * Every setting the Configuration tab offers, as data: which group it belongs to, which stored
 * setting (and key inside it) the engine reads it from, which systems it applies to, and its
 * kind of value. The tab, its validation (configuration-schema.ts) and its saving
 * (save-configuration.ts) are all driven by this one list, so a setting is described once.
 */

export const configGroups = ["documents", "booking", "vat", "payments", "fetching"] as const;
export type ConfigGroup = (typeof configGroups)[number];

/** The integration settings (IntegrationSetting.key) the tab writes. */
export type SettingKey = "source" | "target" | "booking" | "payments";

type Base = {
  name: string;
  group: ConfigGroup;
  setting: SettingKey;
  /** The key inside the stored setting object. */
  path: string;
  /** Only for these webshops / accounting systems; absent = every one. */
  sources?: readonly SourceSystem[];
  targets?: readonly TargetSystem[];
};

export type FieldDef =
  | (Base & { kind: "choice"; options: readonly string[]; default: string })
  | (Base & { kind: "switch"; default: boolean })
  | (Base & { kind: "number"; min: number; max: number; default: number })
  | (Base & { kind: "date" })
  | (Base & { kind: "country"; default: string })
  | (Base & { kind: "vatNumber" })
  | (Base & { kind: "text"; optional: boolean; default?: string; maxLength: number })
  /** Order statuses to book: the shop's own list (PrestaShop, read by the wizard) or a fixed one (KMO Shops). */
  | (Base & { kind: "statuses"; fixed?: readonly string[]; default: readonly string[] })
  /** A ledger / clearing account from the administration's list (catalog.accounts). */
  | (Base & { kind: "account"; optional: boolean; default?: string })
  /** An invoice layout from the administration's list (catalog.templates); empty = the default layout. */
  | (Base & { kind: "template"; default?: string })
  /** Payments: a clearing/offset account per payment method (payments.accounts, the method name as key). */
  | (Base & { kind: "methodAccounts" });

export type FieldKind = FieldDef["kind"];

/** Shops fetched on a schedule (connectors/registry.ts pollingSources). */
export const POLLING_SOURCES = ["magento2", "magento1", "prestashop", "kmoshops"] as const satisfies readonly SourceSystem[];
/** Accounting systems whose connector books payments (TargetSetup.registersPayments). */
export const PAYMENT_TARGETS = ["rompslomp", "eboekhouden", "wefact", "factuursturen"] as const satisfies readonly TargetSystem[];
/** Of those, the ones that book a payment on an account the merchant picks (TargetSetup.paymentAccounts). */
export const PAYMENT_ACCOUNT_TARGETS = ["rompslomp", "eboekhouden"] as const satisfies readonly TargetSystem[];
const MAGENTO = ["magento2", "magento1"] as const;

export const POLL_MINUTES = { min: 5, max: 24 * 60, default: 60 } as const;

export const configurationFields: readonly FieldDef[] = [
  // ── Documents from the webshop ──
  { name: "documentTrigger", group: "documents", setting: "source", path: "documentTrigger", sources: ["ccvshop"], kind: "choice", options: ["paid-orders", "invoices"], default: "paid-orders" },
  { name: "statuses", group: "documents", setting: "source", path: "statuses", sources: ["prestashop"], kind: "statuses", default: ["2", "3", "4", "5", "9", "11"] },
  { name: "orderStatuses", group: "documents", setting: "source", path: "orderStatuses", sources: ["kmoshops"], kind: "statuses",
    fixed: ["new", "awaiting_payment", "paid", "processing", "shipped", "completed", "cancelled", "refunded"], default: ["paid", "processing", "shipped", "completed"] },
  { name: "creditInvoices", group: "documents", setting: "source", path: "creditInvoices", sources: ["magento1"], kind: "switch", default: false },
  { name: "orderNumberLeading", group: "documents", setting: "source", path: "orderNumberLeading", sources: MAGENTO, kind: "switch", default: false },
  { name: "creditAdjustments", group: "documents", setting: "source", path: "creditAdjustments", sources: MAGENTO, kind: "choice", options: ["reject", "book-without-vat"], default: "reject" },
  { name: "bookingDate", group: "documents", setting: "source", path: "bookingDate", sources: ["prestashop"], kind: "choice", options: ["order-date", "invoice-date"], default: "order-date" },

  // ── Booking in the accounting system ──
  { name: "bookAs", group: "booking", setting: "target", path: "bookAs", targets: ["eboekhouden"], kind: "choice", options: ["mutations", "invoices"], default: "mutations" },
  { name: "invoiceStatus", group: "booking", setting: "target", path: "invoiceStatus", targets: ["rompslomp"], kind: "choice", options: ["published", "concept"], default: "published" },
  { name: "invoiceStatus", group: "booking", setting: "target", path: "invoiceStatus", targets: ["wefact"], kind: "choice", options: ["draft", "sent", "processed"], default: "draft" },
  { name: "invoiceStatus", group: "booking", setting: "target", path: "invoiceStatus", targets: ["factuursturen"], kind: "choice", options: ["sent", "draft"], default: "sent" },
  { name: "sendByEmail", group: "booking", setting: "target", path: "sendByEmail", targets: ["rompslomp", "wefact"], kind: "switch", default: false },
  { name: "sendMethod", group: "booking", setting: "target", path: "sendMethod", targets: ["factuursturen"], kind: "choice", options: ["mail", "email"], default: "mail" },
  { name: "templateId", group: "booking", setting: "target", path: "templateId", targets: ["rompslomp", "wefact", "factuursturen"], kind: "template" },
  { name: "invoiceTemplate", group: "booking", setting: "target", path: "invoiceTemplate", targets: ["eboekhouden"], kind: "template", default: "Invoice template" },
  { name: "descriptionSource", group: "booking", setting: "target", path: "descriptionSource", kind: "choice", options: ["order-number", "invoice-number"], default: "order-number" },
  { name: "invoiceNumbering", group: "booking", setting: "target", path: "invoiceNumbering", targets: ["eboekhouden"], kind: "choice", options: ["eboekhouden", "shop"], default: "eboekhouden" },
  { name: "invoiceWithMutation", group: "booking", setting: "target", path: "invoiceWithMutation", targets: ["eboekhouden"], kind: "choice", options: ["auto", "yes", "no"], default: "auto" },
  { name: "invoiceCode", group: "booking", setting: "target", path: "invoiceCode", targets: ["wefact"], kind: "choice", options: ["none", "order-number", "invoice-number"], default: "none" },
  { name: "createProducts", group: "booking", setting: "target", path: "createProducts", targets: ["wefact"], kind: "switch", default: false },
  { name: "costCenter", group: "booking", setting: "target", path: "costCenter", targets: ["wefact"], kind: "text", optional: true, maxLength: 50 },
  { name: "debtorLedger", group: "booking", setting: "target", path: "debtorLedger", targets: ["eboekhouden"], kind: "account", optional: false, default: "1300" },
  { name: "roundingLine", group: "booking", setting: "booking", path: "roundingLine", kind: "switch", default: false },
  // Changes after booking (lib/changes): only where the target's API can undo a booking (lib/undo/undo-support.ts).
  { name: "creditAndRebook", group: "booking", setting: "booking", path: "creditAndRebook", targets: ["wefact", "rompslomp"], kind: "switch", default: false },

  // ── VAT ──
  { name: "shopCountry", group: "vat", setting: "source", path: "shopCountry", kind: "country", default: "NL" },
  { name: "vatCountryFrom", group: "vat", setting: "source", path: "vatCountryFrom", sources: ["prestashop"], kind: "choice", options: ["invoice-address", "delivery-address"], default: "invoice-address" },
  { name: "pricesIncludeVat", group: "vat", setting: "source", path: "pricesIncludeVat", sources: MAGENTO, kind: "switch", default: true },
  { name: "marginScheme", group: "vat", setting: "source", path: "marginScheme", sources: MAGENTO, kind: "switch", default: false },
  { name: "viesCheck", group: "vat", setting: "booking", path: "viesCheck", kind: "switch", default: true },
  { name: "requesterVatNumber", group: "vat", setting: "booking", path: "requesterVatNumber", kind: "vatNumber" },
  { name: "ossVatAccount", group: "vat", setting: "target", path: "ossVatAccount", targets: ["eboekhouden"], kind: "account", optional: true },

  // ── Payments ──
  { name: "paymentsEnabled", group: "payments", setting: "payments", path: "enabled", targets: PAYMENT_TARGETS, kind: "switch", default: false },
  { name: "paymentAccount", group: "payments", setting: "payments", path: "accounts.default", targets: PAYMENT_ACCOUNT_TARGETS, kind: "account", optional: true },
  { name: "methodAccounts", group: "payments", setting: "payments", path: "accounts", targets: PAYMENT_ACCOUNT_TARGETS, kind: "methodAccounts" },
  { name: "paymentsRegardlessOfStatus", group: "payments", setting: "source", path: "paymentsRegardlessOfStatus", sources: ["prestashop"], targets: PAYMENT_TARGETS, kind: "switch", default: false },
  { name: "paymentsWithoutOutstandingItem", group: "payments", setting: "target", path: "paymentsWithoutOutstandingItem", targets: ["eboekhouden"], kind: "switch", default: false },

  // ── Fetching ──
  { name: "pollIntervalMinutes", group: "fetching", setting: "source", path: "pollIntervalMinutes", sources: POLLING_SOURCES, kind: "number", ...POLL_MINUTES },
  { name: "startDate", group: "fetching", setting: "source", path: "startDate", sources: POLLING_SOURCES, kind: "date" },
  { name: "recheckMonths", group: "fetching", setting: "source", path: "recheckMonths", sources: ["prestashop"], kind: "number", min: 1, max: 24, default: 3 },
];

export const appliesTo = (field: FieldDef, source: string, target: string) =>
  (!field.sources || (field.sources as readonly string[]).includes(source)) && (!field.targets || (field.targets as readonly string[]).includes(target));

/** The settings of one group that apply to this pair of systems, in the order shown. */
export const fieldsFor = (group: ConfigGroup, source: string, target: string) =>
  configurationFields.filter((f) => f.group === group && appliesTo(f, source, target));

/** Every field name any system knows (a submitted name outside this list is not ours to judge). */
export const knownFieldNames = new Set(configurationFields.map((f) => f.name));
