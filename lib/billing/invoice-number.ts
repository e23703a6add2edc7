import type { Db } from "../db/client";

/** Invoice numbers run per calendar year: 2026-00001, 2026-00002, … (five digits, more when needed). */
export const formatInvoiceNumber = (year: number, sequence: number) => `${year}-${String(sequence).padStart(5, "0")}`;

/** The number after the highest one issued this year (numbers of the same width sort as their values). */
export async function nextInvoiceNumber(db: Db, year: number): Promise<string> {
  const prefix = `${year}-`;
  const issued = await db.subscriptionInvoice.findMany({ where: { number: { startsWith: prefix } }, select: { number: true } });
  const highest = issued.reduce((max, { number }) => Math.max(max, Number(number.slice(prefix.length)) || 0), 0);
  return formatInvoiceNumber(year, highest + 1);
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

/**
 * Creates a row under the next free number. The column is unique: when two servers pick the same
 * number at once, the loser takes the next one.
 */
export async function withNextInvoiceNumber<T>(db: Db, year: number, create: (number: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const number = await nextInvoiceNumber(db, year);
    try {
      return await create(number);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 9) throw err;
    }
  }
}
