import type { SalesDocument } from "../domain/sales-document";
import { methodKey } from "../domain/payment-method";

/**
 * The fixed debtor configured for the document's payment method, if any. Never for ICP: an ICP
 * document needs the customer's own debtor with its VAT number.
 */
export function fixedDebtorFor(doc: SalesDocument, mappings: { method: string; fixedDebtor: string | null }[]): string | undefined {
  if (doc.icp) return undefined;
  const raw = doc.paymentMethod.raw ? methodKey(doc.paymentMethod.raw) : undefined;
  const hit =
    mappings.find((m) => raw && methodKey(m.method) === raw && m.fixedDebtor) ??
    mappings.find((m) => methodKey(m.method) === doc.paymentMethod.classification && m.fixedDebtor);
  return hit?.fixedDebtor ?? undefined;
}
