import type { SalesDocument } from "../domain/sales-document";

const cleanUp = (name: string) => name.toLowerCase().replace(/[-\s_]/g, "");

/**
 * The fixed debtor configured for the document's payment method, if any. Never for ICP: an ICP
 * document needs the customer's own debtor with its VAT number.
 */
export function fixedDebtorFor(doc: SalesDocument, mappings: { method: string; fixedDebtor: string | null }[]): string | undefined {
  if (doc.icp) return undefined;
  const raw = doc.paymentMethod.raw ? cleanUp(doc.paymentMethod.raw) : undefined;
  const hit =
    mappings.find((m) => raw && cleanUp(m.method) === raw && m.fixedDebtor) ??
    mappings.find((m) => cleanUp(m.method) === doc.paymentMethod.classification && m.fixedDebtor);
  return hit?.fixedDebtor ?? undefined;
}
