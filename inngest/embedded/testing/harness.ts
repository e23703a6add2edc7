import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import type { PrismaClient } from "../../../lib/db/generated/client";
import { createTestDb, type TestDb } from "../../../lib/db/testing";
import { startExecutor, type EmbeddedExecutor } from "../executor";
import { localExecutorFetch } from "../local-calls";
import type { ExecutorOptions } from "../options";

type AnyFunction = InngestFunction.Any;

export type Harness = {
  db: PrismaClient;
  executor: EmbeddedExecutor;
  inngest: Inngest;
  appUrl: string;
  close(): Promise<void>;
};

export const quietLogger = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => console.error(...args) };

/** The SDK logs every step error; the tests provoke many on purpose. */
export const silentSdkLogger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

/**
 * Real inngest@4 functions served over real HTTP (inngest/node on a random port) and the
 * embedded executor on another random port, on a fresh test database. Signed (the client in
 * cloud mode with the executor's key, as the app runs embedded) unless `signed: false`. With
 * `localCalls` the client reaches the executor as the app's does, without the socket (local-calls.ts).
 */
export async function startHarness(
  define: (inngest: Inngest) => AnyFunction[],
  options: Partial<ExecutorOptions> & { testDb?: TestDb; appId?: string; signed?: boolean; localCalls?: boolean } = {},
): Promise<Harness> {
  const { testDb: givenDb, appId, signed = true, localCalls = false, ...executorOptions } = options;
  const testDb = givenDb ?? (await createTestDb());
  const signingKey = signed ? `signkey-test-${randomBytes(32).toString("hex")}` : undefined;
  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503);
    res.end();
  };
  const app = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;

  const executor = await startExecutor({
    db: testDb.db,
    port: 0,
    serveUrl: appUrl,
    backoffBaseMs: 50,
    pollIntervalMs: 200,
    syncRetryMs: 50,
    logger: quietLogger,
    signingKey,
    ...executorOptions,
  });
  const inngest = new Inngest({
    id: appId ?? "test-app",
    baseUrl: executor.url,
    logger: silentSdkLogger,
    ...(localCalls ? { fetch: localExecutorFetch } : {}),
    ...(signingKey ? { isDev: false, signingKey, eventKey: "test" } : { isDev: true }),
  });
  handler = serve({ client: inngest, functions: define(inngest) }) as http.RequestListener;
  await executor.synced;

  return {
    db: testDb.db,
    executor,
    inngest,
    appUrl,
    async close() {
      await executor.stop(2_000);
      app.closeAllConnections();
      await new Promise<void>((r) => app.close(() => r()));
      if (!givenDb) await testDb.close();
    },
  };
}

/** Polls until `check` returns a truthy value (generous timeout: tests share 2 cores). */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function runsOf(db: PrismaClient, functionId: string) {
  return db.execRun.findMany({ where: { functionId }, orderBy: { id: "asc" }, include: { steps: { orderBy: { seq: "asc" } } } });
}

/** Waits until every run of the function has ended, and at least `count` exist. */
export async function finishedRuns(db: PrismaClient, functionId: string, count = 1, timeoutMs?: number) {
  return waitFor(async () => {
    const runs = await runsOf(db, functionId);
    return runs.length >= count && runs.every((r) => ["completed", "failed", "cancelled"].includes(r.status)) ? runs : undefined;
  }, `${count} finished run(s) of ${functionId}`, timeoutMs);
}
