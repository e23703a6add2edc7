import { z } from "zod";
import type { DocumentKind, PollResult } from "../types";
import type { Magento2Client } from "./client";
import { amsterdamMidnight, magentoTimestamp, parseMagentoTimestamp } from "./dates";
import { listedSchema, parsePayload } from "./schemas";
import type { SearchCriteria } from "./search-criteria";

/**
 * Incremental polling of invoices and credit memos. Per kind the cursor is the (created_at,
 * entity_id) of the last document seen; the next poll asks only for what comes after it:
 *   [created_at ≥ at] AND [created_at > at OR entity_id > lastId], sorted by created_at, entity_id.
 * So a poll costs requests in proportion to what is new, never to what the shop holds, and a
 * second invoice in the same second is not skipped. Magento documents are final once created
 * (the manual: later changes are not booked), so created_at is the field to follow.
 * Paging stops at total_count: Magento before 2.4 answers a page past the end with the last page
 * again. Each call walks at most `maxPages` pages per kind and says `more` when it stopped early
 * (the cursor's `resume` is where the next call goes on).
 *
 * The order of (created_at, entity_id) is not the order in which documents become visible: an
 * invoice whose transaction commits last (a slow payment capture inside it) can appear behind
 * one already polled, and a cursor past it would never see it. So every new poll starts LOOK_BACK
 * before the furthest document seen; what it lists again is marked `recheck` and only counts if
 * it is new to us. The cost is one list page per kind for most shops.
 */
export type PollOptions = { pageSize?: number; maxPages?: number; kinds?: ("invoice" | "creditnote")[] };

export const LOOK_BACK_MS = 15 * 60_000;

const positionSchema = z.object({ at: z.string(), lastId: z.string() });
/** The furthest document seen (at, lastId), and where a walk cut short goes on. */
const kindCursorSchema = positionSchema.extend({ resume: positionSchema.optional() });
const cursorSchema = z.object({ v: z.literal(1), invoice: kindCursorSchema, creditnote: kindCursorSchema.optional() });
type Position = z.infer<typeof positionSchema>;
type KindCursor = z.infer<typeof kindCursorSchema>;

const RESOURCE = { invoice: "invoices", creditnote: "creditmemos" } as const;
const WHAT = { invoice: "invoice list", creditnote: "credit memo list" } as const;

export async function pollChanges(client: Magento2Client, args: { cursor: string | null; startDate: string }, options: PollOptions = {}): Promise<PollResult> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 5;
  const kinds = options.kinds ?? ["invoice", "creditnote"];
  const start: Position = { at: magentoTimestamp(amsterdamMidnight(args.startDate)), lastId: "0" };
  const previous = readCursor(cursorSchema, args.cursor);

  const notices: PollResult["notices"] = [];
  const next: Record<string, KindCursor> = {};
  let more = false;
  for (const kind of kinds) {
    const known: KindCursor = previous?.[kind] ?? start;
    const from = known.resume ?? lookBack(known, start);
    const walked = await walk(client, kind, from, { at: known.at, lastId: known.lastId }, pageSize, maxPages);
    notices.push(...walked.notices);
    next[kind] = walked.cursor;
    more ||= walked.more;
  }
  return { notices, cursor: JSON.stringify({ v: 1, ...previous, ...next }), more };
}

/** LOOK_BACK before the furthest document seen, not before the start date. */
function lookBack(known: Position, start: Position): Position {
  if (known.lastId === "0") return known;
  const at = magentoTimestamp(new Date(parseMagentoTimestamp(known.at).getTime() - LOOK_BACK_MS));
  return { at: at > start.at ? at : start.at, lastId: "0" };
}

/** Whether a comes after b in (created_at, entity_id) order; ids compare as numbers. */
function isAfter(a: Position, b: Position): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return a.lastId.length !== b.lastId.length ? a.lastId.length > b.lastId.length : a.lastId > b.lastId;
}

async function walk(client: Magento2Client, kind: "invoice" | "creditnote", from: Position, known: Position, pageSize: number, maxPages: number) {
  const notices: PollResult["notices"] = [];
  const seen = new Set<string>();
  let furthest = known;
  let position = from;
  for (let page = 1; page <= maxPages; page++) {
    const result = await client.list(RESOURCE[kind], criteria(from, pageSize, page));
    let repeated = false;
    for (const raw of result.items) {
      const item = parsePayload(listedSchema, raw, WHAT[kind]);
      if (seen.has(item.entity_id)) {
        repeated = true; // a shop that repeats its last page: everything is read
        break;
      }
      seen.add(item.entity_id);
      position = { at: magentoTimestamp(parseMagentoTimestamp(item.created_at)), lastId: item.entity_id };
      const isNew = isAfter(position, known);
      notices.push({ kind: kind as DocumentKind, sourceId: item.entity_id, ...(isNew ? {} : { recheck: true }) });
      if (isAfter(position, furthest)) furthest = position;
    }
    const done = repeated || result.items.length === 0 || page * pageSize >= result.total_count;
    if (done) return { notices, cursor: furthest as KindCursor, more: false };
  }
  return { notices, cursor: { ...furthest, resume: position }, more: true };
}

function criteria(from: Position, pageSize: number, currentPage: number): SearchCriteria {
  return {
    filterGroups: [
      [{ field: "created_at", value: from.at, condition: "gteq" }],
      [{ field: "created_at", value: from.at, condition: "gt" }, { field: "entity_id", value: from.lastId, condition: "gt" }],
    ],
    sortOrders: [{ field: "created_at", direction: "ASC" }, { field: "entity_id", direction: "ASC" }],
    pageSize,
    currentPage,
    // Only what the cursor needs: the documents themselves are fetched one by one when processed.
    fields: "items[entity_id,created_at],total_count",
  };
}

/** A cursor this code did not write (or an older format) restarts at the start date: nothing is missed. */
export function readCursor<T>(schema: z.ZodType<T>, cursor: string | null): T | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
