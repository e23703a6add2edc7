import type { Db } from "../db/client";
import type { AccountSession } from "../auth/session";

/**
 * Who may open the installation wizard of a license key: anyone holding the key while the
 * integration is still installing (the key comes from the license mail or the App Store
 * handshake); afterwards only the signed-in owner account. A cancelled integration's wizard is
 * closed to everyone (the page says when it was cancelled: license-key-problem.ts).
 */
export async function integrationForInstall(db: Db, licenseKey: string, session: AccountSession | null) {
  const integration = await db.integration.findUnique({
    where: { licenseKey },
    include: { connections: true, settings: true, vatMappings: { orderBy: [{ region: "asc" }, { rate: "desc" }] }, paymentMethods: true },
  });
  if (!integration || integration.status === "cancelled") return null;
  if (integration.status === "installing") return integration;
  return session?.accountId === integration.accountId ? integration : null;
}
