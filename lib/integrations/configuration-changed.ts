import type { Db } from "../db/client";

/** The settings a merchant chooses (not the lists read from the systems, such as catalog or orderStates). */
const CHOSEN = ["source", "target", "booking", "payments", "costAccounts"];

/** When the merchant last changed this integration's configuration (tab or wizard); null when never. */
export async function configurationChangedAt(db: Db, integrationId: string): Promise<Date | null> {
  const latest = await db.integrationSetting.aggregate({ where: { integrationId, key: { in: CHOSEN } }, _max: { updatedAt: true } });
  return latest._max.updatedAt ?? null;
}
