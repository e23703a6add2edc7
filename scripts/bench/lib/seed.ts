// Seeds a benchmark database before the server starts (in embedded mode the server then owns it):
// migrations, one merchant, N integrations configured like the demo's (each on its own sandbox
// tenants, slug = license key in lower case) and, optionally, a shop history plus a history import
// waiting to be scanned. Run as a child process with the server's environment (scripts/bench/lib/server.ts):
//   tsx scripts/bench/lib/seed.ts '<SeedPlan as JSON>'   → prints {"integrations": {licenseKey: id}, "importIds": {licenseKey: id}}
import { inProcessSandboxFetch } from "../../../connectors/sandbox/in-process-fetch";
import { env, sandboxUrl } from "../../../lib/config/env";
import { db } from "../../../lib/db/client";
import { applyMigrations } from "../../../lib/db/migrate";
import { openSqlRunner } from "../../../lib/db/sql-runner";
import { seedConfiguredIntegration, seedMerchant } from "../../../e2e/seeds/configured-integration";

export type SeedPlan = {
  /** `status` other than "active" (e.g. "installing": not polled live, so a shop's request log is a history scan's alone). */
  integrations: { licenseKey: string; like: string; startDate?: string; status?: string }[];
  /** History imports of integrations of the plan over [from, to], status "scanning", with the shop's documents. */
  history?: { licenseKey: string; from: string; to: string; magentoInvoices?: number; ccvOrders?: number }[];
};

const plan = JSON.parse(process.argv[2] ?? "{}") as SeedPlan;
const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();

const appUrl = env().APP_URL;
const sandboxOrigin = sandboxUrl();
const accountId = await seedMerchant(db(), { company: "Bench Webwinkel B.V.", name: "Bench", email: "bench@example.com", password: "bench-password" });
const ids: Record<string, string> = {};
for (const i of plan.integrations) {
  await seedConfiguredIntegration(db(), appUrl, { accountId, licenseKey: i.licenseKey, like: i.like, startDate: i.startDate, sandboxOrigin });
  ids[i.licenseKey] = (await db().integration.findUniqueOrThrow({ where: { licenseKey: i.licenseKey } })).id;
  if (i.status) await db().integration.update({ where: { licenseKey: i.licenseKey }, data: { status: i.status } });
}

const importIds: Record<string, string> = {};
for (const h of plan.history ?? []) {
  const integrationId = ids[h.licenseKey]!;
  const integration = await db().integration.findUniqueOrThrow({ where: { id: integrationId } });
  const base = `${sandboxOrigin}/sandbox/${integration.sourceSystem}/${h.licenseKey.toLowerCase()}`;
  const admin = async (path: string, body: unknown) => {
    const res = await inProcessSandboxFetch(`${base}/_admin/${path}`, { method: "POST", body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`history seed ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id?: string }>;
  };
  const { historyMagentoOrder, historyMagentoInvoice, historyCcvOrder } = await import("./documents");
  if (h.magentoInvoices) {
    const order = await admin("documents", { kind: "order", payload: historyMagentoOrder() });
    // In slices: one bulk call of 10,000 would be one huge request body and state write.
    for (let done = 0; done < h.magentoInvoices; done += 1000) {
      const n = Math.min(1000, h.magentoInvoices - done);
      await admin("documents/bulk", { kind: "invoice", payloads: Array.from({ length: n }, (_, k) => historyMagentoInvoice(done + k, order.id!)) });
    }
  }
  for (let i = 0; i < (h.ccvOrders ?? 0); i++) await admin("documents", { kind: "order", payload: historyCcvOrder(i) });
  importIds[h.licenseKey] = (await db().historyImport.create({ data: { integrationId, fromDate: h.from, toDate: h.to, status: "scanning" } })).id;
}

process.stdout.write(`${JSON.stringify({ integrations: ids, importIds })}\n`);
await db().$disconnect();
// CCV webhook deliveries to the not-yet-running server are retried for a few seconds: not waited for.
process.exit(0);
