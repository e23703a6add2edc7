import { z } from "zod";
import { amsterdamMidnight, magentoTimestamp } from "../magento2/dates";
import { nextDay } from "../magento2/list-history";
import { readCursor } from "../magento2/poll";
import { parsePayload } from "../magento2/schemas";
import type { HistoryRange, PollResult } from "../types";
import { MAX_LIMIT, type Magento1Client } from "./client";

/**
 * History import: the invoices (and credit memos when booked) created in a range of Dutch days.
 * Magento 1 filters are AND-only with one sort attribute, so each page asks for
 * [created_at ≥ first midnight] AND [created_at < the midnight after the last day] AND
 * [entity_id > the last id read], ordered by entity_id, page 1: keyset paging that the "last page
 * again" quirk cannot fool. A page shorter than the limit ends the kind.
 */
const cursorSchema = z.object({ kind: z.number().int().min(0), lastId: z.string() });
const listedSchema = z.looseObject({ entity_id: z.union([z.string(), z.number()]).transform(String) });
const RESOURCE = { invoice: "invoices", creditnote: "creditmemos" } as const;

export async function listHistory(client: Magento1Client, args: HistoryRange & { cursor: string | null }, kinds: ("invoice" | "creditnote")[], pageSize = MAX_LIMIT): Promise<PollResult> {
  const limit = Math.min(pageSize, MAX_LIMIT);
  const at = readCursor(cursorSchema, args.cursor) ?? { kind: 0, lastId: "0" };
  const kind = kinds[at.kind];
  if (!kind) return { notices: [], cursor: JSON.stringify(at), more: false };
  const items = await client.list(RESOURCE[kind], {
    page: 1,
    limit,
    order: "entity_id",
    dir: "asc",
    filters: [
      { attribute: "created_at", condition: "from", value: magentoTimestamp(amsterdamMidnight(args.from)) },
      { attribute: "created_at", condition: "lt", value: magentoTimestamp(amsterdamMidnight(nextDay(args.to))) },
      ...(at.lastId !== "0" ? [{ attribute: "entity_id", condition: "gt" as const, value: at.lastId }] : []),
    ],
  });
  const ids = items.map((raw) => parsePayload(listedSchema, raw, `${RESOURCE[kind]} list`).entity_id);
  const next = ids.length < limit ? { kind: at.kind + 1, lastId: "0" } : { kind: at.kind, lastId: ids.at(-1)! };
  return { notices: ids.map((sourceId) => ({ kind, sourceId })), cursor: JSON.stringify(next), more: next.kind < kinds.length };
}
