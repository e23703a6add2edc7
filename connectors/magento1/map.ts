import type { SalesDocument } from "@/lib/domain/sales-document";
import { eligibility as magentoEligibility, normalizeDocument } from "../magento2/map";
import type { DocumentKind, Eligibility } from "../types";
import { ConnectorError } from "../types";
import { adaptDocument } from "./adapt";
import { magento1SettingsSchema, type Magento1SettingsInput } from "./config";

/**
 * Magento 1.9 invoice / credit memo (with its order embedded under `order`, both in 1.x JSON) →
 * SalesDocument by the same field tables as Magento 2 (the manual has one table for both).
 */
const SHOP = "Magento 1.9";

export function normalizeMagento1(kind: DocumentKind, payload: unknown, settingsInput: Magento1SettingsInput = {}): SalesDocument {
  const settings = magento1SettingsSchema.parse(settingsInput);
  if (!payload || typeof payload !== "object") throw new ConnectorError("invalid_payload", `The ${SHOP} document is not a JSON object.`, false);
  const { order, ...doc } = payload as Record<string, unknown>;
  const adapted = adaptDocument(doc, order && typeof order === "object" ? (order as Record<string, unknown>) : undefined);
  return normalizeDocument(kind, adapted, settings, { system: "magento1", shopName: SHOP });
}

/** The manual: credit invoices of Magento 1.9 are only booked when the merchant asked for them. */
export function eligibility(kind: DocumentKind, payload: unknown, settingsInput: Magento1SettingsInput = {}): Eligibility {
  const settings = magento1SettingsSchema.parse(settingsInput);
  if (kind === "creditnote" && !settings.creditInvoices) {
    return { eligible: false, reason: `Credit invoices of ${SHOP} are not booked: switch on "credit invoices" on the Configuration tab to book them.` };
  }
  return magentoEligibility(kind, payload, SHOP);
}
