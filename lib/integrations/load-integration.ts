import type { Db } from "../db/client";
import { openCredentials } from "../crypto/secrets";

/** Everything the pipeline needs of one integration, with credentials decrypted. */
export async function loadIntegration(db: Db, integrationId: string) {
  const integration = await db.integration.findUniqueOrThrow({
    where: { id: integrationId },
    include: { connections: true, settings: true, vatMappings: true, paymentMethods: true },
  });
  const side = (name: "source" | "target") => {
    const c = integration.connections.find((x) => x.side === name);
    return {
      baseUrl: c?.baseUrl ?? "",
      credentials: c?.credentialsEnc ? openCredentials(c.credentialsEnc) : {},
      status: c?.status ?? "unknown",
    };
  };
  const settings = Object.fromEntries(integration.settings.map((s) => [s.key, s.value])) as Record<string, unknown>;
  return {
    id: integration.id,
    accountId: integration.accountId,
    licenseKey: integration.licenseKey,
    status: integration.status,
    createdAt: integration.createdAt,
    sourceSystem: integration.sourceSystem,
    targetSystem: integration.targetSystem,
    source: side("source"),
    target: side("target"),
    settings,
    vatGrid: integration.vatMappings.map((m) => ({ region: m.region, rate: m.rate.toFixed(), vatCode: m.vatCode, revenueAccount: m.revenueAccount })),
    paymentMethods: integration.paymentMethods,
  };
}

export type LoadedIntegration = Awaited<ReturnType<typeof loadIntegration>>;
