import type { Db } from "@/lib/db/client";

export type DayCounts = { day: string; booked: number; open: number; error: number };

const DAY = 86_400_000;

/**
 * Documents per (shop-local) document day for the `days` days up to `today`, by status: booked,
 * open, errors: the running day totals the Document trigger keeps (at most 90 rows).
 */
export async function documentsPerDay(db: Db, integrationId: string, today: string, days = 30): Promise<DayCounts[]> {
  const end = new Date(Date.parse(`${today}T00:00:00Z`) + DAY);
  const start = new Date(end.getTime() - days * DAY);
  const rows = await db.documentDayStatus.findMany({
    where: { integrationId, day: { gte: start, lt: end }, status: { in: ["booked", "open", "error"] } },
    select: { day: true, status: true, count: true },
  });
  const byDay = new Map<string, DayCounts>();
  for (let i = 0; i < days; i++) {
    const day = new Date(start.getTime() + i * DAY).toISOString().slice(0, 10);
    byDay.set(day, { day, booked: 0, open: 0, error: 0 });
  }
  for (const row of rows) {
    const entry = byDay.get(new Date(row.day).toISOString().slice(0, 10));
    if (entry) entry[row.status as "booked" | "open" | "error"] += Number(row.count);
  }
  return [...byDay.values()];
}
