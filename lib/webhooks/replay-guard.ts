import type { Db } from "../db/client";
import { isUniqueViolation } from "../integrations/license-key";

/**
 * Replay guard for webhook deliveries. A verified delivery is claimed by its key (the shop's
 * delivery id, or a hash of the signed delivery) before any work; a second delivery with the same
 * key within the TTL is a replay and is acknowledged without work. If handling the first one fails
 * the claim is released, so the shop's legitimate redelivery after our error still goes through.
 */
export async function claimDelivery(db: Db, integrationId: string, key: string, ttlMs: number, now = new Date()): Promise<boolean> {
  // Expired claims go first (this integration's only: cheap, indexed), so an old key can be used again.
  await db.webhookDelivery.deleteMany({ where: { integrationId, expiresAt: { lte: now } } });
  try {
    await db.webhookDelivery.create({ data: { integrationId, key, expiresAt: new Date(now.getTime() + ttlMs) } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function releaseDelivery(db: Db, integrationId: string, key: string): Promise<void> {
  await db.webhookDelivery.deleteMany({ where: { integrationId, key } });
}

/** Whether a signed timestamp lies within [now - maxAge, now + skew]. */
export function withinWindow(signedAt: Date, maxAgeMs: number, skewMs: number, now = Date.now()): boolean {
  const at = signedAt.getTime();
  return Number.isFinite(at) && at >= now - maxAgeMs && at <= now + skewMs;
}
