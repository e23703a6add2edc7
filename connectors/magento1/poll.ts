import { z } from "zod";
import { amsterdamMidnight, magentoTimestamp } from "../magento2/dates";
import { readCursor } from "../magento2/poll";
import { parsePayload } from "../magento2/schemas";
import type { DocumentKind, PollResult } from "../types";
import { MAX_LIMIT, type Magento1Client } from "./client";

/**
 * Incremental polling of Magento 1.9 invoices (and credit memos when booked). Magento 1 filters
 * are AND-only and sort by one attribute, so the cursor is the last entity_id seen (ids grow with
 * creation) together with the start's created_at: [created_at ≥ start] AND [entity_id > lastId],
 * ordered by entity_id. Lists have no total: a page shorter than the limit is the last; Magento 1
 * answers a page past the end with the last page again, which a repeated id reveals.
 */
export type PollOptions = { pageSize?: number; maxPages?: number };

const kindCursorSchema = z.object({ at: z.string(), lastId: z.string() });
const cursorSchema = z.object({ v: z.literal(1), invoice: kindCursorSchema.optional(), creditnote: kindCursorSchema.optional() });
type KindCursor = z.infer<typeof kindCursorSchema>;
const listedSchema = z.looseObject({ entity_id: z.union([z.string(), z.number()]).transform(String) });

const RESOURCE = { invoice: "invoices", creditnote: "creditmemos" } as const;

export async function pollChanges(client: Magento1Client, args: { cursor: string | null; startDate: string }, kinds: ("invoice" | "creditnote")[], options: PollOptions = {}): Promise<PollResult> {
  const pageSize = Math.min(options.pageSize ?? MAX_LIMIT, MAX_LIMIT);
  const maxPages = options.maxPages ?? 5;
  const start: KindCursor = { at: magentoTimestamp(amsterdamMidnight(args.startDate)), lastId: "0" };
  const previous = readCursor(cursorSchema, args.cursor);
  const notices: PollResult["notices"] = [];
  const next: Record<string, KindCursor> = {};
  let more = false;
  for (const kind of kinds) {
    const from = previous?.[kind] ?? start;
    const ids: string[] = [];
    const seen = new Set<string>();
    let done = false;
    for (let page = 1; page <= maxPages && !done; page++) {
      const items = await client.list(RESOURCE[kind], {
        page,
        limit: pageSize,
        order: "entity_id",
        dir: "asc",
        filters: [{ attribute: "created_at", condition: "from", value: from.at }, ...(from.lastId !== "0" ? [{ attribute: "entity_id", condition: "gt" as const, value: from.lastId }] : [])],
      });
      for (const raw of items) {
        const id = parsePayload(listedSchema, raw, `${RESOURCE[kind]} list`).entity_id;
        if (seen.has(id)) { done = true; break; } // the last page again: everything is read
        seen.add(id);
        ids.push(id);
      }
      if (items.length < pageSize) done = true;
    }
    notices.push(...ids.map((sourceId) => ({ kind: kind as DocumentKind, sourceId })));
    next[kind] = ids.length ? { at: from.at, lastId: ids.at(-1)! } : from;
    more ||= !done;
  }
  return { notices, cursor: JSON.stringify({ v: 1, ...previous, ...next }), more };
}
