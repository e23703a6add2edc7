import type { Db } from "../db/client";
import { openCredentials, sealCredentials } from "../crypto/secrets";
import { resumeAfterReconnect } from "../pipeline/resume-after-reconnect";

export type Side = "source" | "target";

/** The only way credentials are written: sealed with AES-256-GCM before they reach the database. */
export async function saveCredentials(
  db: Db,
  integrationId: string,
  side: Side,
  system: string,
  credentials: Record<string, unknown>,
  baseUrl?: string,
): Promise<void> {
  const credentialsEnc = sealCredentials(credentials);
  await db.connection.upsert({
    where: { integrationId_side: { integrationId, side } },
    create: { integrationId, side, system, baseUrl, credentialsEnc },
    update: { system, credentialsEnc, status: "unknown", statusDetail: null, ...(baseUrl ? { baseUrl } : {}) },
  });
  // A reconnect: what waited for working credentials is booked now.
  await resumeAfterReconnect(db, integrationId);
}

/**
 * A refreshed OAuth token: the same connection, proven to work by the refresh itself, so its dot
 * keeps its state (saveCredentials would grey it out and hide the wizard's later steps).
 */
export async function saveRefreshedCredentials(db: Db, integrationId: string, side: Side, credentials: Record<string, unknown>): Promise<void> {
  await db.connection.update({ where: { integrationId_side: { integrationId, side } }, data: { credentialsEnc: sealCredentials(credentials) } });
}

/** Credentials of one side, decrypted for a connector; null when none are stored yet. */
export async function loadCredentials<T = Record<string, unknown>>(db: Db, integrationId: string, side: Side): Promise<T | null> {
  const row = await db.connection.findUnique({ where: { integrationId_side: { integrationId, side } }, select: { credentialsEnc: true } });
  return row?.credentialsEnc ? openCredentials<T>(row.credentialsEnc) : null;
}
