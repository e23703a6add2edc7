import { z } from "zod";
import { amsterdamMidnight, magentoTimestamp, parseMagentoTimestamp } from "../magento2/dates";
import { LOOK_BACK_MS, readCursor } from "../magento2/poll";
import { parsePayload } from "../magento2/schemas";
import type { DocumentKind, PollResult } from "../types";
import { MAX_LIMIT, type Magento1Client } from "./client";

/**
 * Incremental polling of Magento 1.9 invoices (and credit memos when booked). Magento 1 filters
 * are AND-only and sort by one attribute, so the cursor is the last entity_id seen (ids grow with
 * creation) together with the start's created_at: [created_at ≥ start] AND [entity_id > lastId],
 * ordered by entity_id. Lists have no total: a page shorter than the limit is the last; Magento 1
 * answers a page past the end with the last page again, which a repeated id reveals.
 *
 * An invoice whose transaction commits last can appear behind a higher id already polled; as for
 * Magento 2 (../magento2/poll.ts), every new poll lists again from LOOK_BACK before the furthest
 * document's created_at (`seenAt`), ids up to `lastId` marked `recheck`. A walk cut short goes on
 * from `resume` (the window it was walking and the last id it read).
 */
export type PollOptions = { pageSize?: number; maxPages?: number };

const kindCursorSchema = z.object({
  at: z.string(),
  lastId: z.string(),
  seenAt: z.string().optional(),
  resume: z.object({ from: z.string(), afterId: z.string() }).optional(),
});
const cursorSchema = z.object({ v: z.literal(1), invoice: kindCursorSchema.optional(), creditnote: kindCursorSchema.optional() });
type KindCursor = z.infer<typeof kindCursorSchema>;
const listedSchema = z.looseObject({ entity_id: z.union([z.string(), z.number()]).transform(String), created_at: z.string().optional() });

/** Entity ids compare as numbers. */
const idAfter = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

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
    const known: KindCursor = previous?.[kind] ?? start;
    const window = known.resume ?? { from: lookBackFrom(known), afterId: "0" };
    let { lastId, seenAt } = known;
    let afterId = window.afterId;
    const seen = new Set<string>();
    let done = false;
    for (let page = 1; page <= maxPages && !done; page++) {
      const items = await client.list(RESOURCE[kind], {
        page,
        limit: pageSize,
        order: "entity_id",
        dir: "asc",
        filters: [{ attribute: "created_at", condition: "from", value: window.from }, ...(window.afterId !== "0" ? [{ attribute: "entity_id", condition: "gt" as const, value: window.afterId }] : [])],
      });
      for (const raw of items) {
        const item = parsePayload(listedSchema, raw, `${RESOURCE[kind]} list`);
        if (seen.has(item.entity_id)) { done = true; break; } // the last page again: everything is read
        seen.add(item.entity_id);
        afterId = item.entity_id;
        const isNew = idAfter(item.entity_id, known.lastId);
        notices.push({ kind: kind as DocumentKind, sourceId: item.entity_id, ...(isNew ? {} : { recheck: true }) });
        if (idAfter(item.entity_id, lastId)) {
          lastId = item.entity_id;
          seenAt = item.created_at ?? seenAt;
        }
      }
      if (items.length < pageSize) done = true;
    }
    next[kind] = { at: known.at, lastId, ...(seenAt ? { seenAt } : {}), ...(done ? {} : { resume: { from: window.from, afterId } }) };
    more ||= !done;
  }
  return { notices, cursor: JSON.stringify({ v: 1, ...previous, ...next }), more };
}

/** LOOK_BACK before the furthest document's created_at, not before the start. */
function lookBackFrom(known: KindCursor): string {
  if (!known.seenAt) return known.at;
  const from = magentoTimestamp(new Date(parseMagentoTimestamp(known.seenAt).getTime() - LOOK_BACK_MS));
  return from > known.at ? from : known.at;
}
