import type { Db } from "../db/client";

export type WebhookIntegration = { id: string; sourceSystem: string; status: string; credentialsEnc: string | null };

/** The integration a webhook address names, with its shop connection's sealed credentials: one statement. */
export async function findWebhookIntegration(db: Db, licenseKey: string): Promise<WebhookIntegration | null> {
  const rows = await db.$queryRaw<WebhookIntegration[]>`
    SELECT i.id, i."sourceSystem", i.status, c."credentialsEnc"
      FROM "Integration" i LEFT JOIN "Connection" c ON c."integrationId" = i.id AND c.side = 'source'
     WHERE i."licenseKey" = ${licenseKey}`;
  return rows[0] ?? null;
}
