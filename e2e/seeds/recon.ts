// The merchant of e2e/reconciliation.spec.ts: an account of its own with one installed CCV Shop →
// Rompslomp integration configured like its demo twin, on its own sandbox tenants (slug = license
// key in lower case), so deleting a booking in its Rompslomp never touches another spec's data.
import type { Db } from "../../lib/db/client";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

export const RECON_MERCHANT = { email: "recon@example.com", password: "recon-password", licenseKey: "RECON-CCVSHOP-ROMPSLOMP" } as const;

export async function seedReconMerchant(db: Db, appUrl: string): Promise<void> {
  const accountId = await seedMerchant(db, { company: "Aansluitwinkel B.V.", name: "Recon", email: RECON_MERCHANT.email, password: RECON_MERCHANT.password });
  await seedConfiguredIntegration(db, appUrl, { accountId, licenseKey: RECON_MERCHANT.licenseKey, like: "DEMO-CCVSHOP-ROMPSLOMP" });
}
