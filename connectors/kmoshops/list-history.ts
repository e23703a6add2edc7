import type { HistoryRange, PollResult } from "../types";
import type { KmoClient } from "./client";
import { POLL_PAGE_SIZE } from "./poll";
import { parseKmoTimestamp, startOfLocalDay } from "./dates";
import { noticesForOrder } from "./notices";
import { listedOrderSchema, parsePayload } from "./schemas";

/**
 * History import: the orders placed in a range of the shop's days (with their refunds, which the
 * pipeline shows as not booked). The order list filters on updated_at only (contract.ts), and an
 * order is never updated before it is placed, so the walk asks for updated_since = the range's
 * first moment, one keyset page per call, and keeps the orders whose created_at falls in the range.
 * The cursor is the shop's page token.
 */
export async function listHistory(client: KmoClient, args: HistoryRange & { cursor: string | null }, pageSize = POLL_PAGE_SIZE): Promise<PollResult> {
  const from = startOfLocalDay(args.from).getTime();
  const before = startOfLocalDay(nextDay(args.to)).getTime();
  const page = await client.listOrders({ updatedSince: new Date(from).toISOString(), limit: pageSize, pageToken: args.cursor });
  const notices: PollResult["notices"] = [];
  for (const item of page.data) {
    const order = parsePayload(listedOrderSchema, item, "order list item");
    const created = parseKmoTimestamp(order.created_at, "created_at").getTime();
    if (created >= from && created < before) notices.push(...noticesForOrder(order));
  }
  return { notices, cursor: page.next_page_token ?? "", more: Boolean(page.next_page_token) };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
