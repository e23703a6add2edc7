import type { Db } from "../db/client";
import { encryptSecret, openEnvelope } from "./secrets";

/**
 * Every column holding a sealed secret (lib/crypto/secrets.ts). A new one must be added here, or
 * a key rotation would leave it readable only with the old key.
 */
const SEALED_COLUMNS = [
  {
    name: "Connection.credentialsEnc",
    rows: (db: Db) => db.connection.findMany({ where: { credentialsEnc: { not: null } }, select: { id: true, credentialsEnc: true } }).then((r) => r.map((x) => ({ id: x.id, sealed: x.credentialsEnc! }))),
    save: (db: Db, id: string, sealed: string) => db.connection.update({ where: { id }, data: { credentialsEnc: sealed } }),
  },
  {
    name: "PendingInstall.payloadEnc",
    rows: (db: Db) => db.pendingInstall.findMany({ select: { id: true, payloadEnc: true } }).then((r) => r.map((x) => ({ id: x.id, sealed: x.payloadEnc }))),
    save: (db: Db, id: string, sealed: string) => db.pendingInstall.update({ where: { id }, data: { payloadEnc: sealed } }),
  },
] as const;

export type ReencryptReport = { checked: number; resealed: number; unreadable: string[] };

/**
 * Key rotation, step 2: re-seals with `keys[0]` (the new ENCRYPTION_KEY) every secret that only
 * an older key (ENCRYPTION_KEY_PREVIOUS) opens. Idempotent; secrets no key opens are listed, not touched.
 */
export async function reencryptSecrets(db: Db, keys: Buffer[]): Promise<ReencryptReport> {
  const report: ReencryptReport = { checked: 0, resealed: 0, unreadable: [] };
  for (const column of SEALED_COLUMNS) {
    for (const row of await column.rows(db)) {
      report.checked++;
      const opened = openWithAny(row.sealed, keys);
      if (!opened) report.unreadable.push(`${column.name} ${row.id}`);
      else if (opened.keyIndex > 0) {
        await column.save(db, row.id, encryptSecret(opened.plaintext, keys[0]));
        report.resealed++;
      }
    }
  }
  return report;
}

function openWithAny(sealed: string, keys: Buffer[]): { plaintext: string; keyIndex: number } | null {
  for (const [keyIndex, key] of keys.entries()) {
    try {
      return { plaintext: openEnvelope(sealed, key).plaintext, keyIndex };
    } catch { /* not this key */ }
  }
  return null;
}
