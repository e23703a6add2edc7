// The merchant of e2e/document-page.spec.ts (preview, audit trail, undo, changes after booking): an
// account of its own with two installed integrations configured as the demo's, each on its own
// sandbox tenants (slug = license key in lower case):
// - DOCS-CCVSHOP-ROMPSLOMP (paid orders): the VAT grid lacks NL 9%, so a 9% order fails on purpose;
// - DOCS-CCVSHOP-WEFACT (invoices): WeFact credits a sent invoice, so a booking can be undone.
import { sourceSetups } from "../../connectors/registry";
import { inProcessSandboxFetch } from "../../connectors/sandbox/in-process-fetch";
import { hashPassword } from "../../lib/crypto/password";
import { sealCredentials } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { demoIntegrations } from "../../lib/demo/demo-integrations";
import { DEMO_START_DATE } from "../../lib/demo/seed-demo";
import { webhookUrl } from "../../lib/install/complete-install";

export const DOCS_MERCHANT = {
  email: "docs@example.com",
  password: "docs-password",
  rompslomp: "DOCS-CCVSHOP-ROMPSLOMP",
  wefact: "DOCS-CCVSHOP-WEFACT",
} as const;

type Grid = (rows: { region: string; rate: string | number }[]) => { region: string; rate: string | number }[];

async function seedLike(db: Db, accountId: string, appUrl: string, demoKey: string, licenseKey: string, grid: Grid, targetSettings: Record<string, unknown> = {}) {
  const like = demoIntegrations.find((d) => d.licenseKey === demoKey)!;
  const tenant = licenseKey.toLowerCase();
  const base = (system: string) => `${appUrl}/sandbox/${system}/${tenant}`;
  const source = like.demoSource!(tenant);
  const target = like.demoTarget!(tenant);
  const settings: Record<string, unknown> = { source: { startDate: DEMO_START_DATE, ...source.settings }, target: { ...(target.settings as object), ...targetSettings }, costAccounts: target.costAccounts };
  await db.integration.create({
    data: {
      accountId, licenseKey, name: `${like.name} (documents)`, sourceSystem: like.source, targetSystem: like.target, status: "active", termsAcceptedAt: new Date(),
      connections: {
        create: [
          { side: "source", system: like.source, baseUrl: base(like.source), credentialsEnc: sealCredentials(source.credentials), status: "ok", lastCheckedAt: new Date() },
          { side: "target", system: like.target, baseUrl: base(like.target), credentialsEnc: sealCredentials(target.credentials), status: "ok", lastCheckedAt: new Date() },
        ],
      },
      settings: { create: Object.entries(settings).filter(([, value]) => value !== undefined).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: grid((target.vatGrid ?? []) as { region: string; rate: string | number }[]) as Prisma.VatMappingCreateWithoutIntegrationInput[] },
    },
  });
  // The sandbox shop calls our webhook as the real one would.
  const keep = await sourceSetups.ccvshop!.registerWebhooks!(
    { baseUrl: base("ccvshop"), credentials: source.credentials, fetch: inProcessSandboxFetch }, webhookUrl("ccvshop", licenseKey, appUrl), source.settings,
  );
  if (keep) await db.connection.updateMany({ where: { integration: { licenseKey }, side: "source" }, data: { credentialsEnc: sealCredentials({ ...source.credentials, ...keep }) } });
}

export async function seedDocumentPageMerchant(db: Db, appUrl: string): Promise<void> {
  const account = await db.account.create({
    data: {
      name: "Documentwinkel B.V.", locale: "en", country: "NL",
      users: { create: { email: DOCS_MERCHANT.email, name: "Dora Docs", passwordHash: await hashPassword(DOCS_MERCHANT.password) } },
    },
  });
  await seedLike(db, account.id, appUrl, "DEMO-CCVSHOP-ROMPSLOMP", DOCS_MERCHANT.rompslomp, (rows) => rows.filter((r) => !(r.region === "NL" && Number(r.rate) === 9)));
  // Invoices booked as sent (status 2): undone by a credit invoice, not deleted as a draft would be.
  await seedLike(db, account.id, appUrl, "DEMO-CCVSHOP-WEFACT", DOCS_MERCHANT.wefact, (rows) => rows, { invoiceStatus: "sent" });
}
