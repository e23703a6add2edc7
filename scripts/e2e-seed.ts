// Seeds the e2e database before the server starts (in embedded mode the server then owns it):
// migrations, the demo merchant, and a second merchant to prove tenant isolation.
import fs from "node:fs";
import path from "node:path";
import { env, sandboxUrl } from "../lib/config/env";
import { hashPassword } from "../lib/crypto/password";
import { ccvshopDemoSource } from "../connectors/ccvshop/sandbox/demo";
import { sealCredentials } from "../lib/crypto/secrets";
import { db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { openSqlRunner } from "../lib/db/sql-runner";
import { seedDemo } from "../lib/demo/seed-demo";

const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();
await seedDemo(db(), env().APP_URL, sandboxUrl());

const other = await db().account.create({
  data: {
    name: "Other Shop B.V.",
    users: { create: { email: "other@example.com", name: "Other", passwordHash: await hashPassword("other-password") } },
    integrations: { create: { licenseKey: "OTHER-CCVSHOP-WEFACT", name: "Other shop → WeFact", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } },
  },
  include: { integrations: true },
});
const demo = await db().integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
await (await import("../e2e/seeds/install-routes")).seedInstallRoutes(db(), demo.accountId, env().APP_URL);

// A fresh CCV Shop → Rompslomp integration of the demo merchant, as the App Store handshake leaves
// it: shop connected, everything else still to be done in the wizard.
const fresh = "E2E-CCVSHOP-ROMPSLOMP";
const tenant = fresh.toLowerCase();
const appUrl = env().APP_URL;
const shop = ccvshopDemoSource(tenant, "paid-orders");
await db().integration.create({
  data: {
    accountId: demo.accountId, licenseKey: fresh, name: "E2E shop → Rompslomp", sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "installing",
    connections: {
      create: [
        { side: "source", system: "ccvshop", baseUrl: `${appUrl}/sandbox/ccvshop/${tenant}`, credentialsEnc: sealCredentials(shop.credentials), status: "ok" },
        { side: "target", system: "rompslomp", baseUrl: `${appUrl}/sandbox/rompslomp/${tenant}` },
      ],
    },
    settings: { create: [{ key: "source", value: shop.settings }] },
  },
});

await (await import("../e2e/seeds/wizard")).seedWizardIntegrations(db(), appUrl);
await (await import("../e2e/seeds/language")).seedLanguageMerchant(db(), appUrl);
await (await import("../e2e/seeds/lists")).seedListsMerchant(db(), appUrl);
await (await import("../e2e/seeds/recon")).seedReconMerchant(db(), appUrl);
await (await import("../e2e/seeds/document-page")).seedDocumentPageMerchant(db(), appUrl);
// The Profile spec's merchant (subscriptions, invoices, cancel), apart from the demo merchant.
await (await import("../e2e/seeds/billing")).seedBillingMerchant(db());
await (await import("../e2e/seeds/alerts")).seedAlertsMerchant(db(), appUrl);
await (await import("../e2e/seeds/history")).seedHistoryMerchant(db(), appUrl);
await (await import("../e2e/seeds/password-reset")).seedPasswordResetMerchant(db());

const out = path.join(import.meta.dirname, "..", "e2e", ".state", "seed.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ demoIntegrationId: demo.id, otherIntegrationId: other.integrations[0]!.id }, null, 2));
await db().$disconnect();
