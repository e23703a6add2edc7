import type { TargetSystem } from "@/connectors/types";

/** Why a target's bookings cannot be undone through its API (message keys in lib/i18n/messages/document-page.ts). */
export type UndoUnsupported = "rompslompPublished" | "eboekhoudenNoDelete" | "factuursturenNoCredit";

export type UndoSupport = { supported: true; how: "deleted" | "credited" | "deletedOrCredited" } | { supported: false; reason: UndoUnsupported };

/**
 * Whether "Undo booking" is offered, from what each accounting API allows (shared/reference/
 * accounting-apis.md): WeFact deletes drafts and credits sent invoices (invoice/credit); Rompslomp
 * deletes concept invoices only; e-Boekhouden's API has no call that deletes or reverses a mutation
 * or invoice; Factuursturen documents no credit invoice, and a sent invoice is not ours to delete.
 */
export function undoSupportOf(system: string, targetSettings: unknown): UndoSupport {
  switch (system as TargetSystem) {
    case "wefact":
      return { supported: true, how: "deletedOrCredited" };
    case "rompslomp":
      return (targetSettings as { invoiceStatus?: string } | undefined)?.invoiceStatus === "concept"
        ? { supported: true, how: "deleted" }
        : { supported: false, reason: "rompslompPublished" };
    case "eboekhouden":
      return { supported: false, reason: "eboekhoudenNoDelete" };
    default:
      return { supported: false, reason: "factuursturenNoCredit" };
  }
}
