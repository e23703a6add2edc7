import { checkVatNumber, type ViesCheckResult } from "@/lib/vies/client";
import { VIES_PRODUCTION_BASE_URL, viesSandboxBaseUrl } from "@/lib/vies/config";
import type { ExternalCallRecord } from "@/connectors/types";
import type { SalesDocument } from "../domain/sales-document";

/**
 * ICP is 0% VAT on the strength of the customer's VAT number, so before booking one we ask VIES
 * whether the number is registered for intra-EU trade, and keep its answer as proof. VIES being
 * down is retried (the client throws a retryable error), never taken as a "no".
 */
export type VatCheck = ViesCheckResult;

/** VIES for this integration: the EU's service, or in sandbox mode the sandbox VIES next to the integration's sandbox shop. */
export function viesBaseUrl(sourceBaseUrl: string, licenseKey: string, configured?: string): string {
  if (configured) return configured;
  const sandbox = /^(https?:\/\/[^/]+)\/sandbox\//.exec(sourceBaseUrl);
  return sandbox ? viesSandboxBaseUrl(sandbox[1]!, licenseKey.toLowerCase()) : VIES_PRODUCTION_BASE_URL;
}

export async function checkCustomerVatNumber(
  document: SalesDocument,
  ctx: { baseUrl: string; requesterVatNumber?: string; onCall: (call: ExternalCallRecord) => void },
): Promise<VatCheck> {
  return checkVatNumber(
    { baseUrl: ctx.baseUrl, onCall: ctx.onCall },
    {
      vatNumber: document.customer.vatNumber ?? "",
      countryCode: document.customer.billing.country ?? document.deliveryCountry,
      ...(ctx.requesterVatNumber ? { requester: { vatNumber: ctx.requesterVatNumber } } : {}),
    },
  );
}

/** The merchant-readable reason an ICP document is held when VIES does not know the number. */
export function notRegisteredMessage(document: SalesDocument, check: VatCheck): string {
  return (
    `VIES (the EU's VAT-number register) says ${check.countryCode}${check.vatNumber} is not registered for intra-community trade (checked ${check.checkedAt.slice(0, 10)}), ` +
    `so this ${document.kind} cannot be booked at 0% VAT as ICP. Ask the customer for a valid VAT number and correct it in your webshop, or charge VAT, then click Process.`
  );
}
