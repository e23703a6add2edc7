import { sourceSetups } from "@/connectors/registry";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { hashPassword } from "../crypto/password";
import { sealCredentials } from "../crypto/secrets";
import { webhookUrl } from "../install/complete-install";
import { isSandbox } from "../config/env";
import { seedDemoOperator } from "../support/operators";
import { DEMO_LOGIN, demoIntegrations, type DemoSide } from "./demo-integrations";

/**
 * Seeds the demo merchant of contracts/sandbox.md. Idempotent: an existing demo account is left
 * as the merchant changed it; missing demo integrations are added, configured as a merchant
 * would (credentials, settings, VAT grid) and, for webhook shops, registered with the sandbox shop.
 */
/** Demo shops are polled from here: earlier than any document a test posts. */
export const DEMO_START_DATE = "2000-01-01";

/** `sandboxOrigin`: where the sandboxes are served (SANDBOX_URL), by default this app itself. */
export async function seedDemo(db: Db, appUrl: string, sandboxOrigin = appUrl): Promise<{ created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_LOGIN.email }, select: { accountId: true } });
  const accountId =
    existing?.accountId ??
    (
      await db.account.create({
        data: {
          name: DEMO_LOGIN.company,
          users: { create: { email: DEMO_LOGIN.email, name: DEMO_LOGIN.name, passwordHash: await hashPassword(DEMO_LOGIN.password) } },
        },
      })
    ).id;

  for (const demo of demoIntegrations) {
    if (await db.integration.findUnique({ where: { licenseKey: demo.licenseKey }, select: { id: true } })) continue;
    const tenant = demo.licenseKey.toLowerCase();
    const source = demo.demoSource?.(tenant);
    const target = demo.demoTarget?.(tenant);
    const connection = (side: "source" | "target", system: string, config?: DemoSide) => ({
      side, system, baseUrl: `${sandboxOrigin}/sandbox/${system}/${tenant}`,
      ...(config ? { credentialsEnc: sealCredentials(config.credentials), status: "ok", lastCheckedAt: new Date() } : {}),
    });
    // A demo books whatever is posted to its sandbox shop, whatever date the test document carries.
    const settings: Record<string, unknown> = { source: { startDate: DEMO_START_DATE, ...source?.settings }, target: target?.settings ?? {}, payments: { enabled: demo.licenseKey === "DEMO-CCVSHOP-ROMPSLOMP" || demo.licenseKey === "DEMO-PRESTASHOP-EBOEKHOUDEN" } };
    if (target?.costAccounts) settings.costAccounts = target.costAccounts;
    const integration = await db.integration.create({
      data: {
        accountId, licenseKey: demo.licenseKey, name: demo.name, sourceSystem: demo.source, targetSystem: demo.target,
        status: "active", termsAcceptedAt: new Date(),
        connections: { create: [connection("source", demo.source, source), connection("target", demo.target, target)] },
        settings: { create: Object.entries(settings).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
        vatMappings: { create: target?.vatGrid ?? [] },
      },
    });
    const setup = sourceSetups[demo.source];
    if (source && setup?.registerWebhooks) {
      const ctx = { baseUrl: `${sandboxOrigin}/sandbox/${demo.source}/${tenant}`, credentials: source.credentials, fetch: inProcessSandboxFetch };
      const keep = await setup.registerWebhooks(ctx, webhookUrl(demo.source, demo.licenseKey, appUrl), source.settings);
      if (keep) {
        await db.connection.update({
          where: { integrationId_side: { integrationId: integration.id, side: "source" } },
          data: { credentialsEnc: sealCredentials({ ...source.credentials, ...keep }) },
        });
      }
    }
  }
  // Sandbox mode only: an operator login (operator@example.com / operator) to walk the support side.
  if (isSandbox()) await seedDemoOperator(db);
  return { created: !existing };
}
