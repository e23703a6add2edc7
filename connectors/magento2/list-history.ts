import { z } from "zod";
import type { HistoryPage, HistoryRange, SourceDocument } from "../types";
import type { Magento2Client } from "./client";
import { amsterdamMidnight, magentoTimestamp } from "./dates";
import { readCursor } from "./poll";
import { parsePayload } from "./schemas";

/**
 * History import: the invoices and credit memos created in a range of Dutch days, one page per
 * call through searchCriteria (created_at ≥ first midnight AND created_at < the midnight after the
 * last day), sorted by created_at then entity_id so pages are stable. Paging stops at total_count
 * (Magento before 2.4 repeats its last page past the end). A list item is the same resource as
 * GET /V1/invoices/{id}, so the page's documents come back whole (each with its order, read once per
 * order), exactly as fetchDocument builds them: a scan of 2,000 documents costs a few dozen requests.
 */
const KINDS = ["invoice", "creditnote"] as const;
const RESOURCE = { invoice: "invoices", creditnote: "creditmemos" } as const;
const cursorSchema = z.object({ kind: z.number().int().min(0), page: z.number().int().min(1) });
const headSchema = z.looseObject({
  entity_id: z.union([z.number(), z.string()]).transform(String),
  increment_id: z.string().nullish(),
  order_id: z.union([z.number(), z.string()]).transform(String),
});

export async function listHistory(
  client: Magento2Client,
  args: HistoryRange & { cursor: string | null },
  options: { pageSize?: number; kinds?: readonly ("invoice" | "creditnote")[] } = {},
): Promise<HistoryPage> {
  const pageSize = options.pageSize ?? 100;
  const kinds = options.kinds ?? KINDS;
  const at = readCursor(cursorSchema, args.cursor) ?? { kind: 0, page: 1 };
  const kind = kinds[at.kind];
  if (!kind) return { notices: [], cursor: JSON.stringify(at), more: false };
  const page = await client.list(RESOURCE[kind], {
    filterGroups: [
      [{ field: "created_at", value: magentoTimestamp(amsterdamMidnight(args.from)), condition: "gteq" }],
      [{ field: "created_at", value: magentoTimestamp(amsterdamMidnight(nextDay(args.to))), condition: "lt" }],
    ],
    sortOrders: [{ field: "created_at", direction: "ASC" }, { field: "entity_id", direction: "ASC" }],
    pageSize,
    currentPage: at.page,
  });
  const orders = new Map<string, Promise<unknown>>();
  const documents: SourceDocument[] = [];
  for (const raw of page.items) {
    const head = parsePayload(headSchema, raw, kind === "creditnote" ? "credit memo list" : "invoice list");
    if (!orders.has(head.order_id)) orders.set(head.order_id, client.getOrder(head.order_id));
    const order = await orders.get(head.order_id);
    documents.push({ kind, sourceId: head.entity_id, number: head.increment_id ?? undefined, payload: { ...(raw as object), order } });
  }
  const notices = documents.map((d) => ({ kind, sourceId: d.sourceId }));
  const kindDone = page.items.length === 0 || at.page * pageSize >= page.total_count;
  const next = kindDone ? { kind: at.kind + 1, page: 1 } : { kind: at.kind, page: at.page + 1 };
  return { notices, documents, cursor: JSON.stringify(next), more: next.kind < kinds.length };
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
