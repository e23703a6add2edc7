import { ccvshopDemoSource } from "../../connectors/ccvshop/sandbox/demo";
import { kmoshopsDemoSource } from "../../connectors/kmoshops/sandbox/demo";
import type { SourceSystem, TargetSystem } from "../../connectors/types";
import { sealCredentials } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import { DEMO_LOGIN } from "../../lib/demo/demo-integrations";

/**
 * Fresh integrations of the demo merchant for the wizard specs (e2e/wizard-*.spec.ts), as a
 * merchant finds them after signing up: everything still to be done in the wizard. App-store
 * shops (CCV Shop, KMO Shops) arrive connected, as their app-store handshake leaves them; the
 * other sides only know their sandbox tenant (slug = license key in lower case).
 */
type Fresh = { licenseKey: string; name: string; source: SourceSystem; target: TargetSystem; shop?: { credentials: Record<string, unknown>; settings: Record<string, unknown> } };

export const wizardIntegrations = (): Fresh[] => [
  { licenseKey: "E2E-PRESTASHOP-EBOEKHOUDEN", name: "E2E PrestaShop → e-Boekhouden", source: "prestashop", target: "eboekhouden" },
  { licenseKey: "E2E-CCVSHOP-WEFACT", name: "E2E CCV Shop → WeFact", source: "ccvshop", target: "wefact", shop: ccvshopDemoSource("e2e-ccvshop-wefact", "invoices") },
  { licenseKey: "E2E-MAGENTO2-WEFACT", name: "E2E Magento 2 → WeFact", source: "magento2", target: "wefact" },
  { licenseKey: "E2E-MAGENTO1-WEFACT", name: "E2E Magento 1.9 → WeFact", source: "magento1", target: "wefact" },
  { licenseKey: "E2E-KMOSHOPS-FACTUURSTUREN", name: "E2E KMO Shops → Factuursturen", source: "kmoshops", target: "factuursturen", shop: kmoshopsDemoSource("e2e-kmoshops-factuursturen") },
];

export async function seedWizardIntegrations(db: Db, appUrl: string): Promise<void> {
  const { accountId } = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email }, select: { accountId: true } });
  for (const fresh of wizardIntegrations()) {
    const tenant = fresh.licenseKey.toLowerCase();
    const sandbox = (system: string) => `${appUrl}/sandbox/${system}/${tenant}`;
    await db.integration.create({
      data: {
        accountId, licenseKey: fresh.licenseKey, name: fresh.name, sourceSystem: fresh.source, targetSystem: fresh.target, status: "installing",
        connections: {
          create: [
            { side: "source", system: fresh.source, baseUrl: sandbox(fresh.source), ...(fresh.shop ? { credentialsEnc: sealCredentials(fresh.shop.credentials), status: "ok" } : {}) },
            { side: "target", system: fresh.target, baseUrl: sandbox(fresh.target) },
          ],
        },
        settings: { create: [{ key: "source", value: (fresh.shop?.settings ?? {}) as object }] },
      },
    });
  }
}
