// The merchant of e2e/errors-grouped.spec.ts: an account of its own with one CCV Shop → Rompslomp
// integration configured as the demo's (its own sandbox tenants), except that Germany 19% is left
// out of the VAT grid on purpose: every German order fails on it until the grid is fixed.
// Tenant slug = license key in lower case.
import type { Db } from "../../lib/db/client";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

export const LISTS_MERCHANT = {
  email: "lijsten@example.com",
  password: "lijsten-password",
  licenseKey: "LISTS-CCVSHOP-ROMPSLOMP",
} as const;

export async function seedListsMerchant(db: Db, appUrl: string): Promise<void> {
  const accountId = await seedMerchant(db, { company: "Lijstenwinkel B.V.", name: "Lijst", email: LISTS_MERCHANT.email, password: LISTS_MERCHANT.password });
  await seedConfiguredIntegration(db, appUrl, {
    accountId, licenseKey: LISTS_MERCHANT.licenseKey, like: "DEMO-CCVSHOP-ROMPSLOMP",
    grid: (rows) => rows.filter((row) => !(row.region === "DE" && Number(row.rate) === 19)),
  });
}
