// The merchant of e2e/language.spec.ts: an account of its own, so switching it to Dutch never
// changes what the demo merchant's specs read. One installed CCV Shop → Rompslomp integration,
// configured as the demo's (its own sandbox tenants), and one PrestaShop → e-Boekhouden still to
// be installed. Tenant slug = license key in lower case.
import { sourceSetups } from "../../connectors/registry";
import { inProcessSandboxFetch } from "../../connectors/sandbox/in-process-fetch";
import { hashPassword } from "../../lib/crypto/password";
import { sealCredentials } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { demoIntegrations } from "../../lib/demo/demo-integrations";
import { DEMO_START_DATE } from "../../lib/demo/seed-demo";
import { webhookUrl } from "../../lib/install/complete-install";

export const LANGUAGE_MERCHANT = {
  email: "taal@example.com",
  password: "taal-password",
  installed: "TAAL-CCVSHOP-ROMPSLOMP",
  installing: "TAAL-PRESTASHOP-EBOEKHOUDEN",
} as const;

export async function seedLanguageMerchant(db: Db, appUrl: string): Promise<void> {
  const account = await db.account.create({
    data: {
      name: "Taalwinkel B.V.", locale: "en", country: "NL",
      users: { create: { email: LANGUAGE_MERCHANT.email, name: "Taal", passwordHash: await hashPassword(LANGUAGE_MERCHANT.password) } },
    },
  });

  const like = demoIntegrations.find((d) => d.licenseKey === "DEMO-CCVSHOP-ROMPSLOMP")!;
  const licenseKey = LANGUAGE_MERCHANT.installed;
  const tenant = licenseKey.toLowerCase();
  const base = (system: string) => `${appUrl}/sandbox/${system}/${tenant}`;
  const source = like.demoSource!(tenant);
  const target = like.demoTarget!(tenant);
  const settings: Record<string, unknown> = {
    source: { startDate: DEMO_START_DATE, ...source.settings }, target: target.settings, payments: { enabled: true }, costAccounts: target.costAccounts,
  };
  await db.integration.create({
    data: {
      accountId: account.id, licenseKey, name: like.name, sourceSystem: like.source, targetSystem: like.target, status: "active", termsAcceptedAt: new Date(),
      connections: {
        create: [
          { side: "source", system: like.source, baseUrl: base(like.source), credentialsEnc: sealCredentials(source.credentials), status: "ok", lastCheckedAt: new Date() },
          { side: "target", system: like.target, baseUrl: base(like.target), credentialsEnc: sealCredentials(target.credentials), status: "ok", lastCheckedAt: new Date() },
        ],
      },
      settings: { create: Object.entries(settings).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: target.vatGrid ?? [] },
    },
  });
  // The sandbox shop calls our webhook for every paid order, as the demo's does.
  const keep = await sourceSetups.ccvshop!.registerWebhooks!(
    { baseUrl: base("ccvshop"), credentials: source.credentials, fetch: inProcessSandboxFetch }, webhookUrl("ccvshop", licenseKey, appUrl), source.settings,
  );
  if (keep) {
    await db.connection.updateMany({ where: { integration: { licenseKey }, side: "source" }, data: { credentialsEnc: sealCredentials({ ...source.credentials, ...keep }) } });
  }

  const installing = LANGUAGE_MERCHANT.installing;
  const slug = installing.toLowerCase();
  await db.integration.create({
    data: {
      accountId: account.id, licenseKey: installing, name: "PrestaShop → e-Boekhouden", sourceSystem: "prestashop", targetSystem: "eboekhouden", status: "installing",
      connections: {
        create: [
          { side: "source", system: "prestashop", baseUrl: `${appUrl}/sandbox/prestashop/${slug}` },
          { side: "target", system: "eboekhouden", baseUrl: `${appUrl}/sandbox/eboekhouden/${slug}` },
        ],
      },
    },
  });
}
