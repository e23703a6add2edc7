import { LIST_LIMIT, LIST_PARAMS } from "../contract";
import type { Json } from "./state";

/**
 * The order list of contract.ts: updated_at >= updated_since, ordered by (updated_at, id), keyset
 * pages of `limit` items whose `next_page_token` encodes the last (updated_at, id) served.
 * Returns an error message for bad parameters.
 */
type Key = { u: number; i: string };
const encode = (key: Key) => Buffer.from(JSON.stringify(key)).toString("base64url");
function decode(token: string): Key | null {
  try {
    const key = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Key;
    return typeof key.u === "number" && typeof key.i === "string" ? key : null;
  } catch {
    return null;
  }
}

const compareIds = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
const after = (key: Key, u: number, id: string) => u > key.u || (u === key.u && compareIds(id, key.i) > 0);

export function orderPage(orders: Json[], query: URLSearchParams): { data: Json[]; next_page_token: string | null } | string {
  const sinceText = query.get(LIST_PARAMS.updatedSince);
  const since = sinceText === null ? Number.NEGATIVE_INFINITY : Date.parse(sinceText);
  if (Number.isNaN(since)) return `${LIST_PARAMS.updatedSince} must be an ISO-8601 timestamp.`;
  const limitText = query.get(LIST_PARAMS.limit);
  const limit = limitText === null ? LIST_LIMIT.default : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT.max) return `${LIST_PARAMS.limit} must be a whole number from 1 to ${LIST_LIMIT.max}.`;
  const tokenText = query.get(LIST_PARAMS.pageToken);
  const token = tokenText === null ? null : decode(tokenText);
  if (tokenText !== null && !token) return `${LIST_PARAMS.pageToken} is not a token this shop issued.`;

  const keyed = orders
    .map((order) => ({ order, u: Date.parse(String(order.updated_at)), id: String(order.id) }))
    .filter((o) => o.u >= since && (!token || after(token, o.u, o.id)))
    .sort((a, b) => a.u - b.u || compareIds(a.id, b.id));
  const page = keyed.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map((o) => o.order), next_page_token: keyed.length > limit && last ? encode({ u: last.u, i: last.id }) : null };
}
