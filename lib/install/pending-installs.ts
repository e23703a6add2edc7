import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { openCredentials, sealCredentials } from "../crypto/secrets";

/**
 * Half-finished install handshakes: a shop sent its keys (server to server) and the merchant's
 * browser has still to complete the install (Magento's identity link, Magento 1's authorize
 * page, an App Store install link). The payload holds secrets, so it is sealed; rows expire.
 */
export type PendingSystem = "magento2" | "magento1" | "kmoshops" | "ccvshop";

export type PendingInstall<T> = { id: string; system: string; shopKey: string; integrationId: string | null; payload: T; expiresAt: Date };

const DEFAULT_TTL_MS = 30 * 60_000;

/** A stable, non-secret name for a signed handshake (its signature), to recognise a replay. */
export const handshakeFingerprint = (system: PendingSystem, signature: string) =>
  createHash("sha256").update(`${system}:${signature.trim().toLowerCase()}`).digest("hex");

export type SaveResult = { saved: true; id: string } | { saved: false; replay: true };

/**
 * Keeps the newest handshake per shop (a second Activate or Install replaces the first). With a
 * fingerprint, the very same signed handshake arriving again is refused as a replay, also after
 * the install was completed, until the row expires.
 */
export async function savePendingInstall(
  db: Db,
  input: { system: PendingSystem; shopKey: string; integrationId?: string | null; payload: Record<string, unknown>; fingerprint?: string; ttlMs?: number },
  now = new Date(),
): Promise<SaveResult> {
  await db.pendingInstall.deleteMany({ where: { expiresAt: { lt: now } } });
  if (input.fingerprint && (await db.pendingInstall.findUnique({ where: { fingerprint: input.fingerprint }, select: { id: true } }))) {
    return { saved: false, replay: true };
  }
  const data = {
    integrationId: input.integrationId ?? null,
    payloadEnc: sealCredentials(input.payload),
    fingerprint: input.fingerprint ?? null,
    completedAt: null,
    expiresAt: new Date(now.getTime() + (input.ttlMs ?? DEFAULT_TTL_MS)),
  };
  try {
    const row = await db.pendingInstall.upsert({
      where: { system_shopKey: { system: input.system, shopKey: input.shopKey } },
      create: { system: input.system, shopKey: input.shopKey, ...data },
      update: data,
      select: { id: true },
    });
    return { saved: true, id: row.id };
  } catch (err) {
    // Two deliveries of one handshake racing: the unique fingerprint lets only one through.
    if ((err as { code?: string }).code === "P2002" && input.fingerprint) return { saved: false, replay: true };
    throw err;
  }
}

/** The open (not completed, not expired) handshake, by the key the next leg names it by or by id. */
export async function findPendingInstall<T>(db: Db, where: { system: PendingSystem; shopKey: string } | { id: string }, now = new Date()): Promise<PendingInstall<T> | null> {
  const row = "id" in where
    ? await db.pendingInstall.findUnique({ where: { id: where.id } })
    : await db.pendingInstall.findUnique({ where: { system_shopKey: { system: where.system, shopKey: where.shopKey } } });
  if (!row || row.completedAt || row.expiresAt <= now) return null;
  return { id: row.id, system: row.system, shopKey: row.shopKey, integrationId: row.integrationId, payload: openCredentials<T>(row.payloadEnc), expiresAt: row.expiresAt };
}

/** Done: the secrets are dropped at once; the row stays (empty) until it expires, for replay checks. */
export async function completePendingInstall(db: Db, id: string, now = new Date()): Promise<void> {
  await db.pendingInstall.updateMany({ where: { id }, data: { completedAt: now, payloadEnc: sealCredentials({}) } });
}

/** The shop removed the app: what it had sent and we had not used yet is forgotten (completed rows hold no secrets). */
export async function forgetPendingInstall(db: Db, id: string): Promise<void> {
  await db.pendingInstall.deleteMany({ where: { id, completedAt: null } });
}
