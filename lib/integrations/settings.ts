import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

/** Integration settings are JSON values by key ("source", "target", "catalog", "costAccounts", …). */
export async function setSetting(db: Db, integrationId: string, key: string, value: unknown): Promise<void> {
  const json = value as Prisma.InputJsonValue;
  await db.integrationSetting.upsert({ where: { integrationId_key: { integrationId, key } }, create: { integrationId, key, value: json }, update: { value: json } });
}

/** Shallow-merges `patch` into an object setting. */
export async function mergeSetting(db: Db, integrationId: string, key: string, patch: Record<string, unknown>): Promise<void> {
  const current = await db.integrationSetting.findUnique({ where: { integrationId_key: { integrationId, key } } });
  await setSetting(db, integrationId, key, { ...((current?.value as object | null) ?? {}), ...patch });
}

export const settingsMap = (rows: { key: string; value: unknown }[]) => Object.fromEntries(rows.map((r) => [r.key, r.value])) as Record<string, unknown>;

/** The manuals' trial: until the first of the month after the one the integration was requested in. */
export function trialEnd(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
