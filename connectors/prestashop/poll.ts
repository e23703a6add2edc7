import { z } from "zod";
import { ConnectorError, type PollResult } from "../types";
import type { PrestaShopClient } from "./client";
import type { PrestaShopSettings } from "./config";
import { monthsBefore, shopDateTime } from "./dates";
import { parsePayload } from "./schemas";

/**
 * Polling (PrestaShop has no webhooks in core, webshop-apis.md §3.7). The cursor is the last
 * date_upd seen plus the ids already seen at that second: the next poll asks only for orders
 * updated at or after it (filter[date_upd] with date=1, sorted by date_upd then id, one page),
 * so its requests grow with what is new, never with what the shop holds.
 */
export type PollCursor = { at: string; ids: string[] };

const SHOP_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const LATEST = "9999-12-31 23:59:59";
const cursorSchema = z.object({ at: z.string().regex(SHOP_DATE_TIME), ids: z.array(z.string()) });
const listedSchema = z.object({ id: z.union([z.number(), z.string()]).transform(String), date_upd: z.string().regex(SHOP_DATE_TIME) });

export function decodeCursor(cursor: string | null, startDate: string): PollCursor {
  if (cursor) {
    try {
      return cursorSchema.parse(JSON.parse(cursor));
    } catch {
      throw new ConnectorError("invalid_cursor", "The stored PrestaShop poll position is unreadable; reset it to the integration's start date.", false);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new ConnectorError("invalid_settings", `The start date "${startDate}" is not a date (YYYY-MM-DD).`, false);
  return { at: `${startDate} 00:00:00`, ids: [] };
}

export async function pollChanges(client: PrestaShopClient, args: { cursor: string | null; startDate: string }, pageSize = 100): Promise<PollResult> {
  const from = decodeCursor(args.cursor, args.startDate);
  const limit = pageSize + from.ids.length; // the already-seen orders at `at` come back too; ask for room past them
  const rows = (await client.list("orders", {
    display: "[id,date_upd]",
    "filter[date_upd]": `[${from.at},${LATEST}]`,
    date: 1,
    sort: "[date_upd_ASC,id_ASC]",
    limit: `0,${limit}`,
  })).map((r, i) => parsePayload(listedSchema, r, `order list row ${i + 1}`));

  const seen = new Set(from.ids);
  const fresh = rows.filter((r) => !(r.date_upd === from.at && seen.has(r.id)));
  const last = rows.at(-1);
  let next = from;
  if (last) {
    const atLast = rows.filter((r) => r.date_upd === last.date_upd).map((r) => r.id);
    next = { at: last.date_upd, ids: last.date_upd === from.at ? [...new Set([...from.ids, ...atLast])] : atLast };
  }
  return {
    notices: fresh.map((r) => ({ kind: "order" as const, sourceId: r.id })),
    cursor: JSON.stringify(next),
    more: rows.length === limit,
  };
}

/**
 * The nightly re-check: every order placed in the last `recheckMonths` months (date_add, shop
 * time) whose state is one of the statuses to process, page by page with no count cap. The caller
 * records each; documents already booked are skipped by their unique key.
 */
export async function recheckWindow(client: PrestaShopClient, settings: PrestaShopSettings, now = new Date(), pageSize = 100) {
  const to = shopDateTime(now, settings.shopTimezone);
  const from = monthsBefore(to, settings.recheckMonths);
  const rows = await client.listAll(
    "orders",
    { display: "[id,current_state]", "filter[date_add]": `[${from},${to}]`, date: 1, "filter[current_state]": `[${settings.statuses.join("|")}]`, sort: "[id_ASC]" },
    pageSize,
  );
  return rows.map((r, i) => ({ kind: "order" as const, sourceId: parsePayload(listedSchema.pick({ id: true }), r, `order list row ${i + 1}`).id }));
}
