// The merchant of e2e/alerts.spec.ts: an account of its own, so its alert switches and the alert
// mails its failing documents cause never reach another spec. One installed CCV Shop → Rompslomp
// integration, configured as the demo's (its own sandbox tenants, whose shop calls our webhook).
import type { Db } from "../../lib/db/client";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

export const ALERTS_MERCHANT = { email: "alerts@example.com", password: "alerts-password", licenseKey: "ALERT-CCVSHOP-ROMPSLOMP" } as const;

export async function seedAlertsMerchant(db: Db, appUrl: string): Promise<void> {
  const accountId = await seedMerchant(db, { company: "Alert Shop B.V.", name: "Alert", email: ALERTS_MERCHANT.email, password: ALERTS_MERCHANT.password });
  await seedConfiguredIntegration(db, appUrl, { accountId, licenseKey: ALERTS_MERCHANT.licenseKey, like: "DEMO-CCVSHOP-ROMPSLOMP" });
}
