import type { Json } from "./state";

const DEFAULT_SIZE = 25;
const MAX_SIZE = 100;

/**
 * CCV's collection envelope with start/size paging and absolute first/previous/next links
 * (webshop-apis.md §2.3); other query parameters (filters, orderby) are kept in the links.
 */
export function collection(items: Json[], url: URL, selfBase: string): Json {
  const start = Math.max(0, Number.parseInt(url.searchParams.get("start") ?? "0", 10) || 0);
  const size = Math.min(MAX_SIZE, Math.max(1, Number.parseInt(url.searchParams.get("size") ?? String(DEFAULT_SIZE), 10) || DEFAULT_SIZE));
  const link = (at: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("start", String(at));
    params.set("size", String(size));
    return `${selfBase}?${params.toString()}`;
  };
  return {
    href: link(start),
    start,
    size,
    first: link(0),
    previous: start > 0 ? link(Math.max(0, start - size)) : null,
    next: start + size < items.length ? link(start + size) : null,
    items: items.slice(start, start + size),
  };
}
