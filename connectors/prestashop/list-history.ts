import type { HistoryRange, PollResult } from "../types";
import type { PrestaShopClient } from "./client";
import { parsePayload } from "./schemas";
import { z } from "zod";

const listedSchema = z.object({ id: z.union([z.number(), z.string()]).transform(String) });

/**
 * History import: the orders placed in a range of the shop's days (date_add is shop time, as the
 * range is), one page per call: filter[date_add]=[first 00:00:00, last 23:59:59] with date=1, sorted
 * by date_add then id, `limit=offset,count`. PrestaShop returns no total, so a short page is the last;
 * the cursor is the next offset.
 */
export async function listHistory(client: PrestaShopClient, args: HistoryRange & { cursor: string | null }, pageSize = 100): Promise<PollResult> {
  const offset = Math.max(0, Number.parseInt(args.cursor ?? "0", 10) || 0);
  const rows = await client.list("orders", {
    display: "[id]",
    "filter[date_add]": `[${args.from} 00:00:00,${args.to} 23:59:59]`,
    date: 1,
    sort: "[date_add_ASC,id_ASC]",
    limit: `${offset},${pageSize}`,
  });
  const notices = rows.map((r, i) => ({ kind: "order" as const, sourceId: parsePayload(listedSchema, r, `order list row ${i + 1}`).id }));
  return { notices, cursor: String(offset + rows.length), more: rows.length === pageSize };
}
