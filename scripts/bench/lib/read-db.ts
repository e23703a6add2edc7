// Reads what a run left in the database, after the server has stopped (PGlite has one owner) or
// beside it (PostgreSQL): documents with their received/booked times, the executor's runs and
// steps per document, and the external calls recorded per document.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../../lib/db/generated/client";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

export async function openBenchDb(where: { dataDir: string; databaseUrl?: string }) {
  if (where.databaseUrl) {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: where.databaseUrl }) as unknown as AdapterFactory });
    return { db: client, close: () => client.$disconnect() };
  }
  const pglite = new PGlite({ dataDir: path.resolve(where.dataDir, "pglite") });
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as AdapterFactory });
  return { db: client, close: async () => { await client.$disconnect(); await pglite.close(); } };
}

export type DocumentTiming = {
  integrationId: string; sourceId: string; status: string; errorCode: string | null;
  receivedAt: number; bookedAt: number | null;
  /** The process-document runs of this document: executor queue wait, run time, steps. */
  runs: number; steps: number; queuedMs: number | null; runMs: number | null;
  externalCalls: number; externalMs: number;
};

export async function documentTimings(db: PrismaClient, integrationIds: string[]): Promise<DocumentTiming[]> {
  const docs = await db.document.findMany({
    where: { integrationId: { in: integrationIds } },
    select: { id: true, integrationId: true, sourceId: true, status: true, errorCode: true, receivedAt: true, bookedAt: true },
  });
  const runs = await db.execRun.findMany({
    where: { functionId: { endsWith: "process-document" } },
    select: { id: true, event: true, createdAt: true, startedAt: true, endedAt: true, _count: { select: { steps: true } } },
  });
  const runsByDoc = new Map<string, typeof runs>();
  for (const run of runs) {
    const documentId = (run.event as { data?: { documentId?: string } }).data?.documentId;
    if (!documentId) continue;
    runsByDoc.set(documentId, [...(runsByDoc.get(documentId) ?? []), run]);
  }
  const calls = await db.externalCall.groupBy({ by: ["documentId"], where: { integrationId: { in: integrationIds } }, _count: { _all: true }, _sum: { durationMs: true } });
  const callsByDoc = new Map(calls.map((c) => [c.documentId, c]));
  return docs.map((d) => {
    const own = runsByDoc.get(d.id) ?? [];
    const first = own.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    const last = own[own.length - 1];
    const c = callsByDoc.get(d.id);
    return {
      integrationId: d.integrationId, sourceId: d.sourceId, status: d.status, errorCode: d.errorCode,
      receivedAt: d.receivedAt.getTime(), bookedAt: d.bookedAt?.getTime() ?? null,
      runs: own.length, steps: own.reduce((n, r) => n + r._count.steps, 0),
      queuedMs: first?.startedAt ? first.startedAt.getTime() - first.createdAt.getTime() : null,
      runMs: first?.startedAt && last?.endedAt ? last.endedAt.getTime() - first.startedAt.getTime() : null,
      externalCalls: c?._count._all ?? 0, externalMs: c?._sum.durationMs ?? 0,
    };
  });
}

/**
 * The external calls our pipeline recorded (ExternalCall, the "More info" log) for these documents:
 * method, URL without host, tenant prefix or query values, and for single-endpoint APIs (WeFact)
 * the form body's controller/action. Nothing of the bodies beyond those two words is read.
 */
export async function recordedCalls(db: PrismaClient, integrationId: string, sourceIds: string[]) {
  const docs = await db.document.findMany({ where: { integrationId, sourceId: { in: sourceIds } }, select: { id: true } });
  const calls = await db.externalCall.findMany({ where: { documentId: { in: docs.map((d) => d.id) } }, select: { system: true, method: true, url: true, requestBody: true } });
  return calls.map((c) => {
    const url = new URL(c.url);
    const form = c.requestBody && /(^|&)controller=/.test(c.requestBody) ? new URLSearchParams(c.requestBody) : null;
    return { system: c.system, method: c.method, path: `${url.pathname}${url.search}`, action: form ? `${form.get("controller")}/${form.get("action")}` : undefined };
  });
}
