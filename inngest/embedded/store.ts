import type { PrismaClient } from "../../lib/db/generated/client";
import { Batcher } from "./batcher";
import type { FunctionConfig } from "./schemas";

/**
 * Every database access of the executor. The hot path (step memos, run updates, event and run
 * inserts) is raw SQL batched into multi-row statements; the rest uses the Prisma client.
 * Timestamps travel as ISO strings cast to UTC, JSON as text cast to jsonb, so the SQL means
 * the same on PGlite and PostgreSQL whatever the session time zone.
 */

export type Json = unknown;

export type RunRow = {
  id: string;
  functionId: string;
  eventId: string;
  event: Record<string, unknown>;
  status: string;
  attempt: number;
  concurrencyKey: string | null;
  runAt: Date;
  createdAt: Date;
  startedAt: Date | null;
};

export type StepRow = {
  stepId: string;
  name: string | null;
  op: string;
  seq: number | null;
  opts: Json;
  data: Json;
  error: Json;
  attempts: number;
  wakeAt: Date | null;
};

export type NewEvent = { id: string; externalId: string | null; name: string; data: Json; user: Json; ts: number; receivedAt: number };
export type NewRun = {
  id: string;
  functionId: string;
  eventId: string;
  event: Json;
  status: "queued" | "running";
  concurrencyKey: string | null;
  idempotencyKey: string | null;
  runAt: number;
  leaseUntil: number | null;
  createdAt: number;
};

/** A partial update of a run; only set fields change. Never touches a finished or cancelled run. */
export type RunPatch = {
  id: string;
  status?: "queued" | "running" | "completed" | "failed";
  attempt?: number;
  runAt?: number;
  leaseUntil?: number | null;
  output?: Json;
  error?: Json;
  endedAt?: number;
};

const iso = (ms: number) => new Date(ms).toISOString();
const json = (v: Json) => (v === undefined ? null : JSON.stringify(v));
const ACTIVE = `('queued','running')`;

/** `$n` as a UTC timestamp, from an ISO string parameter. */
const ts = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

type StepWrite = StepRow & { runId: string; at: number };
type Write = { step: StepWrite } | { run: RunPatch };

export class Store {
  /** Step memos and run updates of all drivers, written together: one statement per flush. */
  private writes: Batcher<Write>;

  constructor(readonly db: PrismaClient) {
    this.writes = new Batcher((items) => this.flushWrites(items));
  }

  // ─── sync ────────────────────────────────────────────────────────────────

  async saveApp(appId: string, url: string, configs: FunctionConfig[]): Promise<void> {
    const ids = configs.map((c) => c.id);
    await this.db.$transaction([
      this.db.execApp.upsert({ where: { id: appId }, create: { id: appId, url }, update: { url } }),
      this.db.execFunction.deleteMany({ where: { appId, id: { notIn: ids } } }),
      ...configs.map((c) =>
        this.db.execFunction.upsert({
          where: { id: c.id },
          create: { id: c.id, appId, config: c as object },
          update: { appId, config: c as object },
        }),
      ),
    ]);
  }

  async loadApps(): Promise<{ appId: string; url: string; configs: FunctionConfig[] }[]> {
    const apps = await this.db.execApp.findMany({ include: { functions: true } });
    return apps.map((a) => ({ appId: a.id, url: a.url, configs: a.functions.map((f) => f.config as FunctionConfig) }));
  }

  // ─── ingest ──────────────────────────────────────────────────────────────

  /** Events with these sender ids received since `since`: externalId → internal id. */
  async seenEvents(externalIds: string[], since: number): Promise<Map<string, string>> {
    if (!externalIds.length) return new Map();
    const rows = await this.db.$queryRawUnsafe<{ id: string; externalId: string }[]>(
      `SELECT id, "externalId" FROM "ExecEvent" WHERE "externalId" = ANY($1::text[]) AND "receivedAt" > ${ts(2)}`,
      externalIds, iso(since),
    );
    return new Map(rows.map((r) => [r.externalId, r.id]));
  }

  /** Runs created since `since` with one of these (function, idempotency key) pairs. */
  async seenIdempotencyKeys(pairs: { functionId: string; key: string }[], since: number): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await this.db.$queryRawUnsafe<{ functionId: string; idempotencyKey: string }[]>(
      `SELECT "functionId", "idempotencyKey" FROM "ExecRun"
        WHERE "functionId" = ANY($1::text[]) AND "idempotencyKey" = ANY($2::text[]) AND "createdAt" > ${ts(3)}`,
      [...new Set(pairs.map((p) => p.functionId))], [...new Set(pairs.map((p) => p.key))], iso(since),
    );
    return new Set(rows.map((r) => `${r.functionId}\u0000${r.idempotencyKey}`));
  }

  /** Unfinished runs of these functions (cancelOn candidates). */
  async activeRuns(functionIds: string[]): Promise<{ id: string; functionId: string; event: Record<string, unknown>; createdAt: Date }[]> {
    return this.db.$queryRawUnsafe(
      `SELECT id, "functionId", event, "createdAt" FROM "ExecRun" WHERE "functionId" = ANY($1::text[]) AND status IN ${ACTIVE}`,
      functionIds,
    );
  }

  /**
   * Inserts events and their runs, and cancels runs: one statement (data-modifying CTEs), so it
   * is atomic without a transaction and costs one round trip. Very large batches are split into
   * several statements in one transaction (PostgreSQL takes at most 65535 parameters).
   */
  async commitIngest(events: NewEvent[], runs: NewRun[], cancelIds: string[], now: number): Promise<void> {
    const statements: { sql: string; params: unknown[] }[] = [];
    let params: unknown[] = [];
    let parts: string[] = [];
    const cut = () => {
      if (parts.length) statements.push({ sql: `WITH ${parts.join(",\n")} SELECT 1`, params });
      params = [];
      parts = [];
    };
    for (const chunk of chunks(events, 500)) {
      if (params.length > 20_000) cut();
      const values = chunk.map((e) => {
        const n = params.push(e.id, e.externalId, e.name, json(e.data ?? {}), json(e.user), String(e.ts), iso(e.receivedAt));
        return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}::jsonb, $${n - 2}::jsonb, $${n - 1}::bigint, ${ts(n)})`;
      });
      parts.push(`e${parts.length} AS (INSERT INTO "ExecEvent" (id, "externalId", name, data, "user", ts, "receivedAt") VALUES ${values.join(", ")})`);
    }
    for (const chunk of chunks(runs, 500)) {
      if (params.length > 20_000) cut();
      const values = chunk.map((r) => {
        const n = params.push(
          r.id, r.functionId, r.eventId, json(r.event), r.status, r.concurrencyKey, r.idempotencyKey,
          iso(r.runAt), r.leaseUntil === null ? null : iso(r.leaseUntil), iso(r.createdAt), r.status === "running" ? iso(r.createdAt) : null,
        );
        const p = (k: number) => `$${n - 10 + k}`;
        return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}::jsonb, ${p(4)}, ${p(5)}, ${p(6)}, ${ts(n - 3)}, ${ts(n - 2)}, ${ts(n - 1)}, ${ts(n)})`;
      });
      parts.push(`r${parts.length} AS (INSERT INTO "ExecRun" (id, "functionId", "eventId", event, status, "concurrencyKey", "idempotencyKey", "runAt", "leaseUntil", "createdAt", "startedAt") VALUES ${values.join(", ")})`);
    }
    if (cancelIds.length) {
      const n = params.push(cancelIds, iso(now));
      parts.push(`c AS (UPDATE "ExecRun" SET status = 'cancelled', "endedAt" = ${ts(n)}, "leaseUntil" = NULL WHERE id = ANY($${n - 1}::text[]) AND status IN ${ACTIVE})`);
    }
    cut();
    if (statements.length === 1) await this.db.$executeRawUnsafe(statements[0]!.sql, ...statements[0]!.params);
    else if (statements.length) await this.db.$transaction(statements.map((st) => this.db.$executeRawUnsafe(st.sql, ...st.params)));
  }

  // ─── scheduling ──────────────────────────────────────────────────────────

  /** Runs due now whose lease is free, oldest first, skipping full concurrency gates. */
  async dueRuns(now: number, limit: number, skipFunctions: string[], skipKeys: string[]): Promise<RunRow[]> {
    return this.db.$queryRawUnsafe<RunRow[]>(
      `SELECT id, "functionId", "eventId", event, status, attempt, "concurrencyKey", "runAt", "createdAt", "startedAt"
         FROM "ExecRun"
        WHERE status IN ${ACTIVE} AND "runAt" <= ${ts(1)} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${ts(1)})
          AND NOT ("functionId" = ANY($3::text[]))
          AND ("concurrencyKey" IS NULL OR NOT ("concurrencyKey" = ANY($4::text[])))
        ORDER BY "runAt", id
        LIMIT $2`,
      iso(now), limit, skipFunctions, skipKeys,
    );
  }

  /** When the next run waiting for time becomes due. */
  async nextDue(now: number): Promise<number | undefined> {
    const rows = await this.db.$queryRawUnsafe<{ at: Date | null }[]>(
      `SELECT min("runAt") AS at FROM "ExecRun" WHERE status IN ${ACTIVE} AND "runAt" > ${ts(1)}`,
      iso(now),
    );
    return rows[0]?.at ? rows[0].at.getTime() : undefined;
  }

  /** Takes the leases of due runs; returns the ids it got (another worker may have some). */
  async claim(ids: string[], now: number, leaseUntil: number): Promise<Set<string>> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "ExecRun" SET "leaseUntil" = ${ts(3)}, status = 'running', "startedAt" = COALESCE("startedAt", ${ts(2)})
        WHERE id = ANY($1::text[]) AND status IN ${ACTIVE} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${ts(2)})
        RETURNING id`,
      ids, iso(now), iso(leaseUntil),
    );
    return new Set(rows.map((r) => r.id));
  }

  async renewLeases(ids: string[], leaseUntil: number): Promise<void> {
    if (!ids.length) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "ExecRun" SET "leaseUntil" = ${ts(2)} WHERE id = ANY($1::text[]) AND status IN ${ACTIVE}`,
      ids, iso(leaseUntil),
    );
  }

  /** At start of the only executor on a database: every lease belongs to a dead process. */
  async dropLeases(): Promise<number> {
    return this.db.$executeRawUnsafe(`UPDATE "ExecRun" SET "leaseUntil" = NULL WHERE status IN ${ACTIVE} AND "leaseUntil" IS NOT NULL`);
  }

  async isActive(id: string): Promise<boolean> {
    const rows = await this.db.$queryRawUnsafe<{ n: number }[]>(`SELECT 1 AS n FROM "ExecRun" WHERE id = $1 AND status IN ${ACTIVE}`, id);
    return rows.length > 0;
  }

  /** Deletes runs that ended (and their steps, by cascade) and events from before `before`. */
  async prune(before: number): Promise<{ runs: number; events: number }> {
    const runs = await this.db.$executeRawUnsafe(
      `DELETE FROM "ExecRun" WHERE "createdAt" < ${ts(1)} AND status IN ('completed','failed','cancelled')`,
      iso(before),
    );
    const events = await this.db.$executeRawUnsafe(`DELETE FROM "ExecEvent" WHERE "receivedAt" < ${ts(1)}`, iso(before));
    return { runs, events };
  }

  // ─── driving ─────────────────────────────────────────────────────────────

  async loadSteps(runId: string): Promise<StepRow[]> {
    return this.db.$queryRawUnsafe<StepRow[]>(
      `SELECT "stepId", name, op, seq, opts, data, error, attempts, "wakeAt" FROM "ExecStep" WHERE "runId" = $1 ORDER BY seq NULLS LAST, at`,
      runId,
    );
  }

  /** Upserts a step row; resolves once it is durable. */
  saveStep(runId: string, row: StepRow, at: number): Promise<void> {
    return this.writes.push({ step: { ...row, runId, at } });
  }

  /** Applies a run patch; resolves once it is durable. */
  patchRun(patch: RunPatch): Promise<void> {
    return this.writes.push({ run: patch });
  }

  private async flushWrites(items: Write[]): Promise<void> {
    // One row per key per statement (ON CONFLICT / UPDATE FROM touch a row once): merge in order.
    const steps = new Map<string, StepWrite>();
    const runs = new Map<string, RunPatch>();
    for (const item of items) {
      if ("step" in item) steps.set(`${item.step.runId}\u0000${item.step.stepId}`, item.step);
      else runs.set(item.run.id, { ...runs.get(item.run.id), ...item.run });
    }
    const stepChunks = chunks([...steps.values()], 1000);
    const runChunks = chunks([...runs.values()], 1000);
    for (let i = 0; i < Math.max(stepChunks.length, runChunks.length); i++) {
      const params: unknown[] = [];
      const parts: string[] = [];
      if (stepChunks[i]) parts.push(`s AS (${this.stepUpsert(stepChunks[i]!, params)})`);
      if (runChunks[i]) parts.push(`r AS (${this.runUpdate(runChunks[i]!, params)})`);
      await this.db.$executeRawUnsafe(`WITH ${parts.join(",\n")} SELECT 1`, ...params);
    }
  }

  private stepUpsert(rows: StepWrite[], params: unknown[]): string {
    const values = rows.map((r) => {
      const n = params.push(
        r.runId, r.stepId, r.name, r.op, r.seq, json(r.opts), json(r.data), json(r.error), r.attempts,
        r.wakeAt ? r.wakeAt.toISOString() : null, iso(r.at),
      );
      const p = (k: number) => `$${n - 10 + k}`;
      return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::int, ${p(5)}::jsonb, ${p(6)}::jsonb, ${p(7)}::jsonb, ${p(8)}::int, ${ts(n - 1)}, ${ts(n)})`;
    });
    return `INSERT INTO "ExecStep" ("runId", "stepId", name, op, seq, opts, data, error, attempts, "wakeAt", at)
      VALUES ${values.join(", ")}
      ON CONFLICT ("runId", "stepId") DO UPDATE SET name = EXCLUDED.name, op = EXCLUDED.op, seq = EXCLUDED.seq,
        opts = EXCLUDED.opts, data = EXCLUDED.data, error = EXCLUDED.error, attempts = EXCLUDED.attempts,
        "wakeAt" = EXCLUDED."wakeAt", at = EXCLUDED.at`;
  }

  private runUpdate(patches: RunPatch[], params: unknown[]): string {
    const values = patches.map((p) => {
      const n = params.push(
        p.id, p.status ?? null, p.attempt ?? null, p.runAt === undefined ? null : iso(p.runAt),
        p.leaseUntil !== undefined, p.leaseUntil ? iso(p.leaseUntil) : null,
        "output" in p ? json(p.output ?? null) : null, "error" in p, json(p.error), p.endedAt === undefined ? null : iso(p.endedAt),
      );
      const q = (k: number) => `$${n - 9 + k}`;
      return `(${q(0)}, ${q(1)}, ${q(2)}::int, ${ts(n - 6)}, ${q(4)}::boolean, ${ts(n - 4)}, ${q(6)}::jsonb, ${q(7)}::boolean, ${q(8)}::jsonb, ${ts(n)})`;
    });
    // Never touches a run that ended meanwhile (cancelled by an event, say).
    return `UPDATE "ExecRun" AS r SET
        status = COALESCE(v.status, r.status),
        attempt = COALESCE(v.attempt, r.attempt),
        "runAt" = COALESCE(v.run_at, r."runAt"),
        "leaseUntil" = CASE WHEN v.set_lease THEN v.lease ELSE r."leaseUntil" END,
        output = COALESCE(v.output, r.output),
        error = CASE WHEN v.set_error THEN v.error ELSE r.error END,
        "endedAt" = COALESCE(v.ended_at, r."endedAt")
      FROM (VALUES ${values.join(", ")}) AS v(id, status, attempt, run_at, set_lease, lease, output, set_error, error, ended_at)
      WHERE r.id = v.id AND r.status IN ${ACTIVE}`;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
