import type { DocumentKind } from "../types";

/**
 * What one order tells the pipeline, from a webhook or the poll: the order itself, and each of
 * its refunds as a credit note. Refunds are not booked (eligibility.ts), but recording them puts
 * them on the Open tab instead of dropping them silently.
 */
export function noticesForOrder(order: { id: string; refunds?: { id: string }[] | null }): { kind: DocumentKind; sourceId: string }[] {
  return [{ kind: "order", sourceId: order.id }, ...(order.refunds ?? []).map((r) => ({ kind: "creditnote" as const, sourceId: r.id }))];
}
