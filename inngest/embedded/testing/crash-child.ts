/**
 * A disposable app process for the crash test: a PGlite data directory (CRASH_PGLITE) or a
 * PostgreSQL database (CRASH_DATABASE_URL), an inngest/node function server and the embedded
 * executor. Step bodies append to CRASH_DIR/log; the parent kills this process with SIGKILL at
 * chosen moments and starts it again. A watcher logs run states from the database.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../../lib/db/generated/client";
import { applyMigrations } from "../../../lib/db/migrate";
import { startExecutor } from "../executor";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

const dir = process.env.CRASH_DIR!;
const log = (line: string) => fs.appendFileSync(path.join(dir, "log"), `${line}\n`);

async function openDb(): Promise<PrismaClient> {
  if (process.env.CRASH_DATABASE_URL) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.CRASH_DATABASE_URL }) as unknown as AdapterFactory });
  }
  const pglite = new PGlite(process.env.CRASH_PGLITE!);
  await applyMigrations(pglite);
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as AdapterFactory });
}

const db = await openDb();
let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
const app = http.createServer((req, res) => handler(req, res));
await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
const serveUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

const executor = await startExecutor({
  db,
  port: 0,
  serveUrl,
  backoffBaseMs: 50,
  pollIntervalMs: 100,
  syncRetryMs: 50,
  resumeLeasesOnStart: true,
  logger: { info: () => {}, warn: console.warn, error: console.error },
});
const inngest = new Inngest({ id: "crash-app", isDev: true, baseUrl: executor.url, logger: { info() {}, warn() {}, error() {}, debug() {} } });
const crashy = inngest.createFunction({ id: "crashy", triggers: [{ event: "crash/test" }] }, async ({ step }) => {
  const a = await step.run("a", () => { log("a"); return 1; });
  const b = await step.run("b", async () => {
    log("b-start");
    // First life: hang here until killed. Later lives: the parent created the go file.
    while (!fs.existsSync(path.join(dir, "go"))) await new Promise((r) => setTimeout(r, 20));
    log("b-done");
    return 2;
  });
  await step.sleep("nap", "3s");
  const c = await step.run("c", () => { log("c"); return 3; });
  return a + b + c;
});
handler = serve({ client: inngest, functions: [crashy] }) as http.RequestListener;
await executor.synced;
log(`life ${process.pid}`);
if (process.env.CRASH_SEND) await inngest.send({ name: "crash/test", id: "crash-event-1", data: {} });

// Watcher: report the run's state so the parent knows when to kill.
let lastState = "";
for (;;) {
  const runs = await db.execRun.findMany({ where: { functionId: "crash-app-crashy" }, include: { steps: true } });
  const run = runs[0];
  let state = run ? run.status : "none";
  if (run?.steps.some((s) => s.op === "Sleep" && s.seq === null)) state = "sleeping";
  if (state !== lastState) {
    log(`state ${state}${run?.status === "completed" ? ` ${JSON.stringify(run.output)} runs=${runs.length}` : ""}`);
    lastState = state;
  }
  if (run?.status === "completed") break;
  await new Promise((r) => setTimeout(r, 50));
}
await executor.stop();
await db.$disconnect();
process.exit(0);
