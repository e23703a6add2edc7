import type { Db } from "../db/client";
import { hashPassword } from "../crypto/password";
import { DEMO_LOGIN, demoIntegrations } from "./demo-integrations";

/**
 * Seeds the demo merchant of contracts/sandbox.md. Idempotent: an existing demo account is left
 * as the merchant changed it; missing demo integrations are added.
 */
export async function seedDemo(db: Db, appUrl: string): Promise<{ created: boolean }> {
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
    await db.integration.create({
      data: {
        accountId,
        licenseKey: demo.licenseKey,
        name: demo.name,
        sourceSystem: demo.source,
        targetSystem: demo.target,
        status: "active",
        termsAcceptedAt: new Date(),
        connections: {
          create: [
            { side: "source", system: demo.source, baseUrl: `${appUrl}/sandbox/${demo.source}/${tenant}` },
            { side: "target", system: demo.target, baseUrl: `${appUrl}/sandbox/${demo.target}/${tenant}` },
          ],
        },
        settings: { create: Object.entries(demo.settings).map(([key, value]) => ({ key, value: value as object })) },
      },
    });
  }
  return { created: !existing };
}
