// The merchant of e2e/reconciliation.spec.ts: an account of its own with one installed CCV Shop →
// Rompslomp integration configured like its demo twin, on its own sandbox tenants (slug = license
// key in lower case), so deleting a booking in its Rompslomp never touches another spec's data.
import { sourceSetups } from "../../connectors/registry";
import { inProcessSandboxFetch } from "../../connectors/sandbox/in-process-fetch";
import { hashPassword } from "../../lib/crypto/password";
import { sealCredentials } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { demoIntegrations } from "../../lib/demo/demo-integrations";
import { DEMO_START_DATE } from "../../lib/demo/seed-demo";
import { webhookUrl } from "../../lib/install/complete-install";

export const RECON_MERCHANT = { email: "recon@example.com", password: "recon-password", licenseKey: "RECON-CCVSHOP-ROMPSLOMP" } as const;

export async function seedReconMerchant(db: Db, appUrl: string): Promise<void> {
  const account = await db.account.create({
    data: {
      name: "Aansluitwinkel B.V.", locale: "en", country: "NL",
      users: { create: { email: RECON_MERCHANT.email, name: "Recon", passwordHash: await hashPassword(RECON_MERCHANT.password) } },
    },
  });
  const like = demoIntegrations.find((d) => d.licenseKey === "DEMO-CCVSHOP-ROMPSLOMP")!;
  const licenseKey = RECON_MERCHANT.licenseKey;
  const tenant = licenseKey.toLowerCase();
  const base = (system: string) => `${appUrl}/sandbox/${system}/${tenant}`;
  const source = like.demoSource!(tenant);
  const target = like.demoTarget!(tenant);
  const settings: Record<string, unknown> = {
    source: { startDate: DEMO_START_DATE, ...source.settings }, target: target.settings, payments: { enabled: false }, costAccounts: target.costAccounts,
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
}
