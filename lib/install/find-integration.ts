import type { Db } from "../db/client";

/**
 * The integration a shop names by license key (Magento's ?cikey=, a signed state). Keys are issued
 * in upper case; a shop admin may have typed it in lower case.
 */
export async function integrationByLicenseKey(db: Db, licenseKey: string) {
  const key = licenseKey.trim();
  return (
    (await db.integration.findUnique({ where: { licenseKey: key } })) ??
    (key !== key.toUpperCase() ? await db.integration.findUnique({ where: { licenseKey: key.toUpperCase() } }) : null)
  );
}
