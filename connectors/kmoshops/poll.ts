import { z } from "zod";
import type { PollResult } from "../types";
import type { KmoClient } from "./client";
import { LIST_LIMIT } from "./contract";
import { parseKmoTimestamp, startOfLocalDay } from "./dates";
import { noticesForOrder } from "./notices";
import { listedOrderSchema, parsePayload } from "./schemas";

/**
 * The hourly backstop poll: orders changed since the cursor, one page per call, via the order
 * list's `updated_since` filter, so the requests grow with what changed, never with what the shop
 * holds. The filter is inclusive; the cursor remembers the ids already seen at its exact moment so
 * they are not announced again. During a walk over several pages the filter stays put and the
 * shop's page token moves on.
 */
const cursorSchema = z.object({
  /** ISO instant: ask for updated_at >= since. */
  since: z.string(),
  /** Ids whose updated_at equals `since`, already announced. */
  skip: z.array(z.string()).default([]),
  /** Mid-walk: the shop's next page token, and the newest change seen so far with its ids. */
  token: z.string().nullish(),
  high: z.string().nullish(),
  highIds: z.array(z.string()).default([]),
});
type Cursor = z.infer<typeof cursorSchema>;

export const POLL_PAGE_SIZE: number = LIST_LIMIT.max;

function readCursor(cursor: string | null, startDate: string): Cursor {
  const fresh = { since: startOfLocalDay(startDate).toISOString(), skip: [], highIds: [] };
  if (!cursor) return fresh;
  try {
    return cursorSchema.parse(JSON.parse(cursor));
  } catch {
    return fresh; // an unreadable cursor starts over: announcing a document twice is harmless
  }
}

export async function pollChanges(client: KmoClient, args: { cursor: string | null; startDate: string }, pageSize = POLL_PAGE_SIZE): Promise<PollResult> {
  const cursor = readCursor(args.cursor, args.startDate);
  const since = Date.parse(cursor.since);
  const start = startOfLocalDay(args.startDate).getTime();
  const page = await client.listOrders({ updatedSince: cursor.since, limit: pageSize, pageToken: cursor.token });

  let high = cursor.high ? Date.parse(cursor.high) : undefined;
  let highIds = [...cursor.highIds];
  const notices: PollResult["notices"] = [];
  for (const item of page.data) {
    const order = parsePayload(listedOrderSchema, item, "order list item");
    const updated = parseKmoTimestamp(order.updated_at, "updated_at").getTime();
    if (updated < since) continue; // a shop ignoring the filter must not move the cursor back
    if (high === undefined || updated > high) [high, highIds] = [updated, [order.id]];
    else if (updated === high && !highIds.includes(order.id)) highIds.push(order.id);
    if (updated === since && cursor.skip.includes(order.id)) continue;
    // Orders placed before the integration's start date are not ours to book (nor their refunds).
    if (parseKmoTimestamp(order.created_at, "created_at").getTime() < start) continue;
    notices.push(...noticesForOrder(order));
  }

  const highIso = high === undefined ? null : new Date(high).toISOString();
  if (page.next_page_token) {
    return { notices, cursor: JSON.stringify({ ...cursor, token: page.next_page_token, high: highIso, highIds }), more: true };
  }
  const done: Cursor = highIso ? { since: highIso, skip: highIds, highIds: [] } : { since: cursor.since, skip: cursor.skip, highIds: [] };
  return { notices, cursor: JSON.stringify(done), more: false };
}
