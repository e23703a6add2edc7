import type { PrismaClient } from "../../lib/db/generated/client";

/** Read-only views of the executor's tables for the ops pages. */

export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;

export type RunSummary = {
  id: string;
  functionId: string;
  eventName: string;
  status: string;
  /** What the run is doing right now, in words: sleeping, retrying, waiting, ... */
  state: string;
  attempts: number;
  steps: number;
  createdAt: Date;
  endedAt: Date | null;
  error: string | null;
};

export async function listRuns(db: PrismaClient, opts: { status?: string; functionId?: string; limit?: number } = {}): Promise<RunSummary[]> {
  const runs = await db.execRun.findMany({
    where: { status: opts.status, functionId: opts.functionId },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 100,
    include: { steps: { select: { seq: true, op: true, attempts: true, error: true, wakeAt: true } } },
  });
  const now = Date.now();
  return runs.map((r) => {
    const pending = r.steps.filter((s) => s.seq === null);
    return {
      id: r.id,
      functionId: r.functionId,
      eventName: String((r.event as { name?: unknown }).name ?? ""),
      status: r.status,
      state: describeState(r.status, r.attempt, r.runAt.getTime(), r.leaseUntil, pending, now),
      attempts: Math.max(r.attempt + 1, ...r.steps.map((s) => s.attempts)),
      steps: r.steps.filter((s) => s.seq !== null).length,
      createdAt: r.createdAt,
      endedAt: r.endedAt,
      error: errorMessage(r.error) ?? errorMessage(pending.find((p) => p.error)?.error),
    };
  });
}

export async function getRun(db: PrismaClient, id: string) {
  return db.execRun.findUnique({ where: { id }, include: { steps: { orderBy: [{ seq: { sort: "asc", nulls: "last" } }, { at: "asc" }] } } });
}

export async function functionIds(db: PrismaClient): Promise<string[]> {
  const fns = await db.execFunction.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return fns.map((f) => f.id);
}

function describeState(
  status: string,
  attempt: number,
  runAt: number,
  lease: Date | null,
  pending: { op: string; error: unknown; wakeAt: Date | null }[],
  now: number,
): string {
  if (status !== "queued" && status !== "running") return status;
  if (lease && lease.getTime() > now) return "running";
  if (pending.some((p) => p.op === "StepPlanned" && p.error) || attempt > 0) return `retrying ${runAt > now ? `at ${new Date(runAt).toISOString()}` : "now"}`;
  if (pending.some((p) => p.op === "Sleep")) return `sleeping until ${new Date(runAt).toISOString()}`;
  if (pending.some((p) => p.op === "WaitForEvent")) return "waiting for an event";
  if (pending.some((p) => p.op === "InvokeFunction")) return "waiting for an invoked function";
  return status === "queued" ? "queued" : "due";
}

export function errorMessage(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const e = error as { name?: unknown; message?: unknown };
  return `${typeof e.name === "string" ? e.name : "Error"}: ${typeof e.message === "string" ? e.message : JSON.stringify(error)}`;
}
