// The integrations the install-<system> specs start from: the demo merchant registered a trial
// for each webshop and has not connected it yet (tenant slug = license key in lower case).
import { sandboxCredentials as magento1Keys } from "../../connectors/magento1/sandbox/credentials";
import type { Db } from "../../lib/db/client";
import { createInstallingIntegration } from "../../lib/install/testing";

export const INSTALL_KEYS = {
  magento2: "E2E-MAGENTO2-INSTALL",
  magento1: "E2E-MAGENTO1-INSTALL",
  kmoshops: "E2E-KMOSHOPS-INSTALL",
  ccvshop: "E2E-CCVSHOP-INSTALL",
} as const;

export async function seedInstallRoutes(db: Db, accountId: string, appUrl: string): Promise<void> {
  const base = { accountId, appUrl };
  await createInstallingIntegration(db, { ...base, licenseKey: INSTALL_KEYS.magento2, source: "magento2", target: "rompslomp" });
  // Magento 1.9: what the wizard's form keeps before Connect (admin URL, consumer key and secret).
  const m1 = INSTALL_KEYS.magento1.toLowerCase();
  const { consumerKey, consumerSecret } = magento1Keys(m1);
  await createInstallingIntegration(db, {
    ...base, licenseKey: INSTALL_KEYS.magento1, source: "magento1", target: "rompslomp",
    sourceCredentials: { adminUrl: `${appUrl}/sandbox/magento1/${m1}/admin`, consumerKey, consumerSecret },
  });
  await createInstallingIntegration(db, { ...base, licenseKey: INSTALL_KEYS.kmoshops, source: "kmoshops", target: "factuursturen" });
  await createInstallingIntegration(db, { ...base, licenseKey: INSTALL_KEYS.ccvshop, source: "ccvshop", target: "wefact" });
}
