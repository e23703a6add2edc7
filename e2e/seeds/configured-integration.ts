// A spec's own merchant and its installed integrations, each configured like its demo twin on its
// own sandbox tenants (slug = license key in lower case), so one spec's data never meets another's.
import { sourceSetups } from "../../connectors/registry";
import { inProcessSandboxFetch } from "../../connectors/sandbox/in-process-fetch";
import { hashPassword } from "../../lib/crypto/password";
import { sealCredentials } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { demoIntegrations } from "../../lib/demo/demo-integrations";
import { DEMO_START_DATE } from "../../lib/demo/seed-demo";
import { webhookUrl } from "../../lib/install/complete-install";

type GridRow = { region: string; rate: string | number };

/** An English-speaking Dutch merchant account with one login; returns its id. */
export async function seedMerchant(db: Db, m: { company: string; name: string; email: string; password: string }): Promise<string> {
  const account = await db.account.create({
    data: { name: m.company, locale: "en", country: "NL", users: { create: { email: m.email, name: m.name, passwordHash: await hashPassword(m.password) } } },
  });
  return account.id;
}

/**
 * An active integration configured as the demo integration `like` is: connections, settings, VAT
 * grid (optionally edited), and the shop's webhooks registered where the shop has them.
 */
export async function seedConfiguredIntegration(db: Db, appUrl: string, options: {
  accountId: string; licenseKey: string; like: string; name?: string; payments?: boolean; startDate?: string;
  targetSettings?: Record<string, unknown>; grid?: (rows: GridRow[]) => GridRow[];
  /** Where the sandboxes are served (SANDBOX_URL); default the app itself. */
  sandboxOrigin?: string;
}): Promise<void> {
  const { accountId, licenseKey } = options;
  const like = demoIntegrations.find((d) => d.licenseKey === options.like);
  if (!like) throw new Error(`No demo integration ${options.like}`);
  const tenant = licenseKey.toLowerCase();
  const base = (system: string) => `${options.sandboxOrigin ?? appUrl}/sandbox/${system}/${tenant}`;
  const source = like.demoSource!(tenant);
  const target = like.demoTarget!(tenant);
  const settings: Record<string, unknown> = {
    source: { startDate: DEMO_START_DATE, ...source.settings, ...(options.startDate ? { startDate: options.startDate } : {}) },
    target: { ...(target.settings as object), ...options.targetSettings },
    payments: { enabled: options.payments ?? false },
    costAccounts: target.costAccounts,
  };
  const grid = (target.vatGrid ?? []) as GridRow[];
  await db.integration.create({
    data: {
      accountId, licenseKey, name: options.name ?? like.name, sourceSystem: like.source, targetSystem: like.target, status: "active", termsAcceptedAt: new Date(),
      connections: {
        create: [
          { side: "source", system: like.source, baseUrl: base(like.source), credentialsEnc: sealCredentials(source.credentials), status: "ok", lastCheckedAt: new Date() },
          { side: "target", system: like.target, baseUrl: base(like.target), credentialsEnc: sealCredentials(target.credentials), status: "ok", lastCheckedAt: new Date() },
        ],
      },
      settings: { create: Object.entries(settings).filter(([, value]) => value !== undefined).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: (options.grid ? options.grid(grid) : grid) as Prisma.VatMappingCreateWithoutIntegrationInput[] },
    },
  });
  // The sandbox shop calls our webhook as the real one would.
  const register = sourceSetups[like.source as keyof typeof sourceSetups]?.registerWebhooks;
  if (!register) return;
  const keep = await register({ baseUrl: base(like.source), credentials: source.credentials, fetch: inProcessSandboxFetch }, webhookUrl(like.source, licenseKey, appUrl), source.settings);
  if (keep) await db.connection.updateMany({ where: { integration: { licenseKey }, side: "source" }, data: { credentialsEnc: sealCredentials({ ...source.credentials, ...keep }) } });
}
