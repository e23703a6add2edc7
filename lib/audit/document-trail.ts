import type { Db } from "../db/client";

export type TrailCall = {
  kind: "call";
  id: string;
  at: Date;
  system: string;
  method: string;
  url: string;
  status: number | null;
  error: string | null;
  durationMs: number | null;
  requestBody: string | null;
  responseBody: string | null;
};

export type TrailEvent = {
  kind: "event";
  id: string;
  at: Date;
  actor: string;
  /** The merchant's or operator's name (or e-mail); null for the system. */
  actorName: string | null;
  action: string;
  detail: Record<string, unknown> | null;
  /** An integration-level event (settings saved) shown on every document's trail. */
  integrationLevel: boolean;
};

export type TrailEntry = TrailCall | TrailEvent;

/** How many entries of each kind one page of the trail reads; older ones are behind "older". */
export const TRAIL_PAGE = 100;

/**
 * One document's audit trail: its external exchanges (secrets already redacted when recorded), its
 * attempts and retries, the merchant's and operators' actions on it, and the integration's settings
 * changes since it arrived, merged in time order (oldest first). Reads at most TRAIL_PAGE of each
 * kind before `before`, newest first, so a document with a long history stays one quick page.
 */
export async function documentTrail(db: Db, accountId: string, documentId: string, options: { before?: Date } = {}) {
  const document = await db.document.findFirst({
    where: { id: documentId, integration: { accountId } },
    select: { id: true, integrationId: true, receivedAt: true },
  });
  if (!document) return null;
  const at = options.before ? { lt: options.before } : undefined;
  const [calls, events, settings] = await Promise.all([
    db.externalCall.findMany({
      where: { documentId, integrationId: document.integrationId, ...(at ? { at } : {}) },
      orderBy: { at: "desc" },
      take: TRAIL_PAGE,
      select: { id: true, at: true, system: true, method: true, url: true, status: true, error: true, durationMs: true, requestBody: true, responseBody: true },
    }),
    db.auditEvent.findMany({
      where: { documentId, integrationId: document.integrationId, ...(at ? { at } : {}) },
      orderBy: { at: "desc" },
      take: TRAIL_PAGE,
      select: { id: true, at: true, actor: true, actorId: true, action: true, detail: true },
    }),
    db.auditEvent.findMany({
      where: { integrationId: document.integrationId, documentId: null, at: { gte: document.receivedAt, ...(at ?? {}) } },
      orderBy: { at: "desc" },
      take: TRAIL_PAGE,
      select: { id: true, at: true, actor: true, actorId: true, action: true, detail: true },
    }),
  ]);
  const actorIds = [...new Set([...events, ...settings].map((e) => e.actorId).filter((id): id is string => !!id))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name || u.email]));
  const toEvent = (integrationLevel: boolean) => (e: (typeof events)[number]): TrailEvent => ({
    kind: "event", id: e.id, at: e.at, actor: e.actor, actorName: e.actorId ? (nameOf.get(e.actorId) ?? null) : null,
    action: e.action, detail: (e.detail as Record<string, unknown> | null) ?? null, integrationLevel,
  });
  const merged: TrailEntry[] = [
    ...calls.map((c): TrailCall => ({ kind: "call", ...c })),
    ...events.map(toEvent(false)),
    ...settings.map(toEvent(true)),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  // Each kind was cut at TRAIL_PAGE: keep only what is newer than the oldest entry every kind still covers.
  const full = [calls, events, settings].filter((list) => list.length === TRAIL_PAGE);
  const cutoff = full.length ? Math.max(...full.map((list) => list[list.length - 1]!.at.getTime())) : null;
  const page = cutoff === null ? merged : merged.filter((e) => e.at.getTime() >= cutoff);
  return {
    entries: page.reverse(),
    /** Where the next (older) page starts, or null when this is everything. */
    olderBefore: cutoff === null ? null : new Date(cutoff),
  };
}
