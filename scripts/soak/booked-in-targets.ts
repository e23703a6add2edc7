import Decimal from "decimal.js";
import type { MutationJson } from "@/connectors/eboekhouden/sandbox/state";
import type { InvoiceJson as FactuursturenInvoice } from "@/connectors/factuursturen/sandbox/state";
import type { SalesInvoiceJson as RompslompInvoice } from "@/connectors/rompslomp/sandbox/state";
import type { InvoiceJson as WefactInvoice } from "@/connectors/wefact/sandbox/state";
import type { DemoIntegration } from "./demo-documents";
import { accountingState } from "./sandbox-http";

/**
 * What a target sandbox's `_admin/state` holds, keyed the way the target recognises our booking
 * (inngest/functions/testing/matrix-readers.ts reads the same fields in-process): identity → the
 * amount incl. VAT of every booking carrying it (more than one = booked twice).
 */
export type BookedInTarget = Map<string, string[]>;

function collect<T>(items: T[], identity: (item: T) => string | null, incl: (item: T) => Decimal): BookedInTarget {
  const out: BookedInTarget = new Map();
  for (const item of items) {
    const id = identity(item);
    if (id) out.set(id, [...(out.get(id) ?? []), incl(item).toFixed(2)]);
  }
  return out;
}

const refInComment = /\[ref:([^\]]+)\]/;

export async function bookedInTarget(app: string, integration: DemoIntegration): Promise<BookedInTarget> {
  const tenant = integration.licenseKey.toLowerCase();
  switch (integration.target) {
    case "rompslomp": {
      const { invoices } = await accountingState<{ invoices: RompslompInvoice[] }>(app, "rompslomp", tenant);
      return collect(invoices, (i) => i.api_reference, (i) => new Decimal(i.price_with_vat));
    }
    case "eboekhouden": {
      // Sales mutations (type 2) carry the order number; their rows in or ex VAT.
      const { mutations } = await accountingState<{ mutations: MutationJson[] }>(app, "eboekhouden", tenant);
      return collect(mutations.filter((m) => m.type === 2), (m) => m.invoiceNumber, (m) =>
        m.rows.reduce((sum, r) => sum.plus(m.inExVat === "IN" ? String(r.amount) : new Decimal(String(r.amount)).plus(String(r.vatAmount))), new Decimal(0)));
    }
    case "wefact": {
      const { invoices } = await accountingState<{ invoices: WefactInvoice[] }>(app, "wefact", tenant);
      return collect(invoices, (i) => refInComment.exec(i.Comment)?.[1] ?? null, (i) => new Decimal(i.AmountIncl));
    }
    case "factuursturen": {
      const { invoices } = await accountingState<{ invoices: FactuursturenInvoice[] }>(app, "factuursturen", tenant);
      return collect(invoices, (i) => i.reference.line3 || null, (i) => new Decimal(i.totalintax));
    }
  }
}
