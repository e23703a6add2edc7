import { sourceSetups } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import type { Db } from "../db/client";
import { saveCredentials } from "../integrations/connection-credentials";
import { toFailure } from "../pipeline/failure";

/** The webshop dot of the wizard: green with no detail, or red with the reason. */
export async function markSource(db: Db, integrationId: string, status: "ok" | "error", detail: string | null = null): Promise<void> {
  await db.connection.updateMany({ where: { integrationId, side: "source" }, data: { status, statusDetail: detail, lastCheckedAt: new Date() } });
}

/**
 * The end of every install handshake: seal the shop's credentials on the integration's source
 * connection with the shop's address as its baseUrl, then prove them with the connector's own
 * connection test. Returns null when the webshop is connected, else the reason (dot red).
 */
export async function connectSource(
  db: Db,
  integrationId: string,
  system: SourceSystem,
  connection: { credentials: Record<string, unknown>; baseUrl: string },
  check: (() => Promise<unknown>) | null = null,
): Promise<string | null> {
  await saveCredentials(db, integrationId, "source", system, connection.credentials, connection.baseUrl);
  try {
    if (check) await check();
    else await sourceSetups[system]?.testConnection({ baseUrl: connection.baseUrl, credentials: connection.credentials });
  } catch (err) {
    const reason = toFailure(err).message;
    await markSource(db, integrationId, "error", reason);
    return reason;
  }
  await markSource(db, integrationId, "ok");
  return null;
}
