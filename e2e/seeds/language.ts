// The merchant of e2e/language.spec.ts: an account of its own, so switching it to Dutch never
// changes what the demo merchant's specs read. One installed CCV Shop → Rompslomp integration,
// configured as the demo's (its own sandbox tenants), and one PrestaShop → e-Boekhouden still to
// be installed. Tenant slug = license key in lower case.
import type { Db } from "../../lib/db/client";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

export const LANGUAGE_MERCHANT = {
  email: "taal@example.com",
  password: "taal-password",
  installed: "TAAL-CCVSHOP-ROMPSLOMP",
  installing: "TAAL-PRESTASHOP-EBOEKHOUDEN",
} as const;

export async function seedLanguageMerchant(db: Db, appUrl: string): Promise<void> {
  const accountId = await seedMerchant(db, { company: "Taalwinkel B.V.", name: "Taal", email: LANGUAGE_MERCHANT.email, password: LANGUAGE_MERCHANT.password });
  await seedConfiguredIntegration(db, appUrl, { accountId, licenseKey: LANGUAGE_MERCHANT.installed, like: "DEMO-CCVSHOP-ROMPSLOMP", payments: true });

  const installing = LANGUAGE_MERCHANT.installing;
  const slug = installing.toLowerCase();
  await db.integration.create({
    data: {
      accountId, licenseKey: installing, name: "PrestaShop → e-Boekhouden", sourceSystem: "prestashop", targetSystem: "eboekhouden", status: "installing",
      connections: {
        create: [
          { side: "source", system: "prestashop", baseUrl: `${appUrl}/sandbox/prestashop/${slug}` },
          { side: "target", system: "eboekhouden", baseUrl: `${appUrl}/sandbox/eboekhouden/${slug}` },
        ],
      },
    },
  });
}
