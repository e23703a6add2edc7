// `npm run secrets:reencrypt`: step 2 of a key rotation (SECURITY.md). With the new key in
// ENCRYPTION_KEY and the old one in ENCRYPTION_KEY_PREVIOUS, re-seals every stored secret with the
// new key; afterwards ENCRYPTION_KEY_PREVIOUS can be removed. Safe to run again. In embedded mode
// the server owns the database: stop it first.
import { decryptionKeys } from "../lib/crypto/keys";
import { reencryptSecrets } from "../lib/crypto/reencrypt-secrets";
import { env } from "../lib/config/env";
import { db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { openSqlRunner } from "../lib/db/sql-runner";

// The schema as the server would leave it (idempotent).
const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();

if (!env().ENCRYPTION_KEY_PREVIOUS) console.warn("ENCRYPTION_KEY_PREVIOUS is not set: only checking that every secret opens with ENCRYPTION_KEY.");
const report = await reencryptSecrets(db(), decryptionKeys());
console.info(`Checked ${report.checked} sealed secrets, re-sealed ${report.resealed} with the current key.`);
if (report.unreadable.length) {
  console.error(`${report.unreadable.length} secrets open with neither key:\n  ${report.unreadable.join("\n  ")}`);
  process.exitCode = 1;
}
await db().$disconnect();
