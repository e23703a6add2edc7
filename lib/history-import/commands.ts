import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";

/** Statuses in which an import still holds the integration: only one such import at a time. */
export const ACTIVE_STATUSES = ["scanning", "ready", "running", "paused"] as const;

export type CommandResult = { ok: true; importId: string; generation?: number } | { ok: false; problem: "busy" | "notFound" | "wrongStatus" | "badRange" | "notSupported" };

type Actor = { integrationId: string; userId: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new import over [from, to] starts by scanning. Refused while another import of the integration
 * is still scanning, ready, running or paused (a ready one that is never started can be cancelled).
 */
export async function createImport(db: Db, who: Actor, range: { from: string; to: string }): Promise<CommandResult> {
  if (!DAY.test(range.from) || !DAY.test(range.to) || range.from > range.to || Number.isNaN(Date.parse(range.from)) || Number.isNaN(Date.parse(range.to))) return { ok: false, problem: "badRange" };
  return db.$transaction(async (tx) => {
    const active = await tx.historyImport.findFirst({ where: { integrationId: who.integrationId, status: { in: [...ACTIVE_STATUSES] } }, select: { id: true } });
    if (active) return { ok: false, problem: "busy" } as const;
    const created = await tx.historyImport.create({ data: { integrationId: who.integrationId, fromDate: range.from, toDate: range.to, status: "scanning", createdById: who.userId } });
    await recordAudit(tx as unknown as Db, { integrationId: who.integrationId, actor: "merchant", actorId: who.userId, action: "history-import.scan", detail: { importId: created.id, from: range.from, to: range.to } });
    return { ok: true, importId: created.id } as const;
  });
}

const transitions = {
  start: { from: ["ready"], to: "running" },
  pause: { from: ["running"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["scanning", "ready", "running", "paused"], to: "cancelled" },
} as const;

export type ImportCommand = keyof typeof transitions;

/**
 * Start, pause, resume or cancel, as one conditional update (two clicks cannot both win). Start and
 * resume bump the generation: the run they send carries it, and an older run that is still winding
 * down stops at its next batch instead of walking the import a second time.
 */
export async function changeImport(db: Db, who: Actor, importId: string, command: ImportCommand): Promise<CommandResult> {
  const { from, to } = transitions[command];
  const bumps = command === "start" || command === "resume";
  const now = new Date();
  const changed = await db.historyImport.updateMany({
    where: { id: importId, integrationId: who.integrationId, status: { in: [...from] } },
    data: {
      status: to,
      ...(bumps ? { generation: { increment: 1 } } : {}),
      ...(command === "start" ? { startedAt: now } : {}),
      ...(command === "cancel" ? { finishedAt: now } : {}),
    },
  });
  if (changed.count === 0) {
    const exists = await db.historyImport.count({ where: { id: importId, integrationId: who.integrationId } });
    return { ok: false, problem: exists ? "wrongStatus" : "notFound" };
  }
  const row = await db.historyImport.findUniqueOrThrow({ where: { id: importId }, select: { generation: true } });
  await recordAudit(db, { integrationId: who.integrationId, actor: "merchant", actorId: who.userId, action: `history-import.${command}`, detail: { importId } });
  return { ok: true, importId, generation: row.generation };
}

/** The integration's import that is still going on, else its latest one. */
export async function currentImport(db: Db, integrationId: string) {
  return (
    (await db.historyImport.findFirst({ where: { integrationId, status: { in: [...ACTIVE_STATUSES] } }, orderBy: { createdAt: "desc" } })) ??
    (await db.historyImport.findFirst({ where: { integrationId }, orderBy: { createdAt: "desc" } }))
  );
}
