import { Prisma } from "../db/generated/client";

/**
 * Keyset pagination for the dashboard lists: a page is "the 50 rows after (or before) this row" in
 * the order (column DESC, id DESC), so page 4,000 of 200,000 documents costs what page 1 costs
 * (OFFSET would walk every row before it). PostgreSQL sorts NULLs first in DESC order; the
 * conditions below follow that, so a row without the column's value is never skipped.
 */
export const PAGE_SIZE = 50;

export type Cursor = { value: Date | null; id: string };
export type PageRequest = { after?: Cursor; before?: Cursor };

/** `2026-11-22T10:00:00.000Z~<id>` (or `null~<id>`), safe in a URL once encoded. */
export const encodeCursor = (c: Cursor): string => `${c.value ? c.value.toISOString() : "null"}~${c.id}`;

export function decodeCursor(raw: string | undefined | null): Cursor | undefined {
  if (!raw || raw.length > 120) return undefined;
  const match = /^(null|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Za-z0-9_-]{1,64})$/.exec(raw);
  if (!match) return undefined;
  const value = match[1] === "null" ? null : new Date(match[1]!);
  if (value && Number.isNaN(value.getTime())) return undefined;
  return { value, id: match[2]! };
}

/** The page asked for by `after` / `before` search parameters (`after` wins when both are given). */
export function pageRequestFrom(search: { after?: string; before?: string }): PageRequest {
  const after = decodeCursor(search.after);
  if (after) return { after };
  const before = decodeCursor(search.before);
  return before ? { before } : {};
}

// A timestamp parameter compared with a TIMESTAMP(3) column stored in UTC (as Prisma writes it).
export const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The WHERE condition and ORDER BY of one page over (column DESC, id DESC). `reversed`: the rows
 * come nearest-first going backwards and must be reversed for display (a "previous" page).
 */
export function keyset(column: Prisma.Sql, id: Prisma.Sql, page: PageRequest): { where: Prisma.Sql; orderBy: Prisma.Sql; reversed: boolean } {
  const descending = Prisma.sql`ORDER BY ${column} DESC, ${id} DESC`;
  if (page.after) {
    const { value, id: last } = page.after;
    return {
      where: value === null
        ? Prisma.sql`((${column} IS NULL AND ${id} < ${last}) OR ${column} IS NOT NULL)`
        : Prisma.sql`(${column} < ${utc(value)} OR (${column} = ${utc(value)} AND ${id} < ${last}))`,
      orderBy: descending,
      reversed: false,
    };
  }
  if (page.before) {
    const { value, id: first } = page.before;
    return {
      where: value === null
        ? Prisma.sql`(${column} IS NULL AND ${id} > ${first})`
        : Prisma.sql`(${column} > ${utc(value)} OR (${column} = ${utc(value)} AND ${id} > ${first}) OR ${column} IS NULL)`,
      orderBy: Prisma.sql`ORDER BY ${column} ASC, ${id} ASC`,
      reversed: true,
    };
  }
  return { where: Prisma.sql`TRUE`, orderBy: descending, reversed: false };
}

export type Page<T> = { rows: T[]; total: number; next?: string; prev?: string };

/**
 * Turns the (size + 1) rows fetched for a page into the page and its neighbours' cursors. The extra
 * row only says there is more in the direction read.
 */
export function pageOf<T extends { id: string }>(fetched: T[], page: PageRequest, size: number, keyOf: (row: T) => Date | null, total: number): Page<T> {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (page.before) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const cursor = (row: T | undefined) => (row ? encodeCursor({ value: keyOf(row), id: row.id }) : undefined);
  const hasNext = page.before ? true : more;
  const hasPrev = page.before ? more : !!page.after;
  return { rows, total, next: hasNext && rows.length ? cursor(last) : undefined, prev: hasPrev && rows.length ? cursor(first) : undefined };
}
