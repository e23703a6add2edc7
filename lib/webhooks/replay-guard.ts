import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

/**
 * Replay guard for webhook deliveries. A verified delivery is claimed by its key (the shop's
 * delivery id, or a hash of the signed delivery) before any work; a second delivery with the same
 * key within the TTL is a replay and is acknowledged without work. If handling the first one fails
 * the claim is released, so the shop's legitimate redelivery after our error still goes through.
 */
export async function claimDelivery(db: Db, integrationId: string, key: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const claimed = await db.$queryRaw<unknown[]>`${claimSql(integrationId, key, ttlMs, now)}`;
  return claimed.length === 1;
}

/**
 * One statement that returns a row when the claim is taken: a new key is claimed; a known one only
 * once its claim expired (then it counts as new again). Expired claims of keys never seen again
 * are pruned by pruneDeliveries.
 */
export function claimSql(integrationId: string, key: string, ttlMs: number, now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("integrationId", key, "expiresAt") VALUES (${integrationId}, ${key}, ${new Date(now.getTime() + ttlMs)})
    ON CONFLICT ("integrationId", key) DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt" WHERE "WebhookDelivery"."expiresAt" <= ${now}
    RETURNING 1`;
}

/** Forgets expired claims (nightly): they only stop replays within their time window. */
export async function pruneDeliveries(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.webhookDelivery.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

export async function releaseDelivery(db: Db, integrationId: string, key: string): Promise<void> {
  await db.webhookDelivery.deleteMany({ where: { integrationId, key } });
}

/** Whether a signed timestamp lies within [now - maxAge, now + skew]. */
export function withinWindow(signedAt: Date, maxAgeMs: number, skewMs: number, now = Date.now()): boolean {
  const at = signedAt.getTime();
  return Number.isFinite(at) && at >= now - maxAgeMs && at <= now + skewMs;
}
