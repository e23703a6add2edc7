import { z } from "zod";
import { amsterdamMidnight } from "../magento2/dates";
import { nextDay } from "../magento2/list-history";
import type { HistoryRange, PollResult } from "../types";
import type { CcvClient } from "./client";
import { parseCcvTimestamp } from "./dates";
import { pageSchema, parsePayload } from "./schemas";

const listedSchema = z.looseObject({ id: z.union([z.number(), z.string()]), create_date: z.string() });
const PAGE_SIZE = 100;

/**
 * History import: the orders (or invoices, as the integration's document trigger says) created in
 * a range of Dutch days, one page per call. CCV filters by creation date only and by whole days
 * (min_/max_create_date), so the list asks for the day before the range through its last day,
 * sorted by create_date, `start`/`size` paging until `next` is null; the exact Dutch-day bounds are
 * applied here. Credit invoices are listed as "invoice", like webhook notices: one Document key per
 * CCV invoice.
 */
export async function listHistory(client: CcvClient, trigger: "paid-orders" | "invoices", args: HistoryRange & { cursor: string | null }, pageSize = PAGE_SIZE): Promise<PollResult> {
  const start = Math.max(0, Number.parseInt(args.cursor ?? "0", 10) || 0);
  const invoices = trigger === "invoices";
  const dayBefore = new Date(Date.parse(`${args.from}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const query = new URLSearchParams({ min_create_date: dayBefore, max_create_date: args.to, orderby: "create_date", start: String(start), size: String(pageSize) });
  const page = parsePayload(pageSchema, await client.request("GET", `/api/rest/v1/${invoices ? "invoices" : "orders"}?${query}`), "history list");
  const from = amsterdamMidnight(args.from).getTime();
  const before = amsterdamMidnight(nextDay(args.to)).getTime();
  const notices: PollResult["notices"] = [];
  for (const item of page.items) {
    const listed = parsePayload(listedSchema, item, invoices ? "invoice" : "order");
    const created = parseCcvTimestamp(listed.create_date).getTime();
    if (created >= from && created < before) notices.push({ kind: invoices ? "invoice" : "order", sourceId: String(listed.id) });
  }
  return { notices, cursor: String(start + page.items.length), more: Boolean(page.next) && page.items.length > 0 };
}
