// The merchant of e2e/document-page.spec.ts (preview, audit trail, undo, changes after booking): an
// account of its own with two installed integrations configured as the demo's, each on its own
// sandbox tenants (slug = license key in lower case):
// - DOCS-CCVSHOP-ROMPSLOMP (paid orders): the VAT grid lacks NL 9%, so a 9% order fails on purpose;
// - DOCS-CCVSHOP-WEFACT (invoices): WeFact credits a sent invoice, so a booking can be undone.
import type { Db } from "../../lib/db/client";
import { seedConfiguredIntegration, seedMerchant } from "./configured-integration";

export const DOCS_MERCHANT = {
  email: "docs@example.com",
  password: "docs-password",
  rompslomp: "DOCS-CCVSHOP-ROMPSLOMP",
  wefact: "DOCS-CCVSHOP-WEFACT",
} as const;

export async function seedDocumentPageMerchant(db: Db, appUrl: string): Promise<void> {
  const accountId = await seedMerchant(db, { company: "Documentwinkel B.V.", name: "Dora Docs", email: DOCS_MERCHANT.email, password: DOCS_MERCHANT.password });
  await seedConfiguredIntegration(db, appUrl, {
    accountId, licenseKey: DOCS_MERCHANT.rompslomp, like: "DEMO-CCVSHOP-ROMPSLOMP", name: "CCV Shop → Rompslomp (documents)",
    grid: (rows) => rows.filter((r) => !(r.region === "NL" && Number(r.rate) === 9)),
  });
  // Invoices booked as sent (status 2): undone by a credit invoice, not deleted as a draft would be.
  await seedConfiguredIntegration(db, appUrl, {
    accountId, licenseKey: DOCS_MERCHANT.wefact, like: "DEMO-CCVSHOP-WEFACT", name: "CCV Shop → WeFact (documents)", targetSettings: { invoiceStatus: "sent" },
  });
}
