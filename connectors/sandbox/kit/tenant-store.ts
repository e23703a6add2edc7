import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The state of one simulated tenant, kept as one JSON document in SandboxTenant so simulators
 * survive restarts. Access is serialized per tenant within the process (the sandbox is served by
 * the app itself), so a read-modify-write never loses a concurrent change.
 *
 * The serving process keeps each tenant's state in memory with the row's `stamp`, which every write
 * renews: a request reads only the stamp and reloads the (possibly large) state only when another
 * process or a test changed it. A shop holding thousands of documents then costs one small query per
 * request instead of parsing all of them. The cached state is a frozen plain-JSON copy, exactly what a
 * reload would give: reads share it (a handler that changed what it only read would throw), and
 * updates work on a copy that replaces it once saved.
 */
type Cached = { stamp: string; state: object };
const shared = globalThis as unknown as { __sandboxQueues?: Map<string, Promise<unknown>>; __sandboxStates?: Map<string, Cached> };
// On globalThis: Next.js may load this module in several bundles, which must share one queue per tenant.
const queues = (shared.__sandboxQueues ??= new Map());
const states = (shared.__sandboxStates ??= new Map());

const keyOf = (system: string, tenant: string) => `${system}/${tenant}`;
const where = (system: string, tenant: string) => ({ system_tenant: { system, tenant } });

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(key, next.catch(() => undefined));
  return next;
}

const plainCopy = <S>(state: S): S => JSON.parse(JSON.stringify(state)) as S;

function deepFreeze<S>(value: S): S {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function remember(key: string, stamp: string, state: object): object {
  states.set(key, { stamp, state: deepFreeze(state) });
  return state;
}

/** The tenant's current state (frozen), created from `init` on first use. */
async function load(system: string, tenant: string, init: () => object): Promise<object> {
  const key = keyOf(system, tenant);
  const head = await db().sandboxTenant.findUnique({ where: where(system, tenant), select: { stamp: true } });
  if (!head) {
    const state = plainCopy(init());
    const stamp = randomUUID();
    await db().sandboxTenant.create({ data: { system, tenant, state: state as Prisma.InputJsonValue, stamp } });
    return remember(key, stamp, state);
  }
  const cached = states.get(key);
  if (cached && head.stamp !== "" && cached.stamp === head.stamp) return cached.state;
  const row = await db().sandboxTenant.findUniqueOrThrow({ where: where(system, tenant), select: { state: true, stamp: true } });
  return remember(key, row.stamp, row.state as object);
}

/** Runs `fn` on a copy of the tenant's state and saves what it changed. */
export function updateTenant<S extends object, T>(system: string, tenant: string, init: () => S, fn: (state: S) => T | Promise<T>): Promise<T> {
  const key = keyOf(system, tenant);
  return serialized(key, async () => {
    const state = plainCopy((await load(system, tenant, init)) as S);
    const result = await fn(state);
    const saved = plainCopy(state);
    const stamp = randomUUID();
    await db().sandboxTenant.update({ where: where(system, tenant), data: { state: saved as Prisma.InputJsonValue, stamp } });
    remember(key, stamp, saved);
    return result;
  });
}

/** A consistent read of the tenant's state (no save). Callers must not change it. */
export function readTenant<S extends object>(system: string, tenant: string, init: () => S): Promise<S> {
  return serialized(keyOf(system, tenant), async () => (await load(system, tenant, init)) as S);
}

export type LoggedRequest = { method: string; path: string; status: number; at: string };
/** Requests kept per tenant: enough for a load test's rate-limit check, pruned in bulk now and then. */
export const MAX_LOGGED = 50_000;
const PRUNE_EVERY = 1_000;
const sinceLastPrune = new Map<string, number>();

export async function logRequest(system: string, tenant: string, entry: Omit<LoggedRequest, "at">): Promise<void> {
  await db().sandboxRequest.create({ data: { system, tenant, ...entry } });
  const key = keyOf(system, tenant);
  const count = (sinceLastPrune.get(key) ?? 0) + 1;
  sinceLastPrune.set(key, count % PRUNE_EVERY);
  if (count >= PRUNE_EVERY) await pruneRequests(system, tenant);
}

/** Drops all but the newest MAX_LOGGED requests of a tenant. */
export async function pruneRequests(system: string, tenant: string): Promise<void> {
  const oldestKept = await db().sandboxRequest.findFirst({ where: { system, tenant }, orderBy: { id: "desc" }, skip: MAX_LOGGED - 1, select: { id: true } });
  if (oldestKept) await db().sandboxRequest.deleteMany({ where: { system, tenant, id: { lt: oldestKept.id } } });
}

/** The newest MAX_LOGGED requests, oldest first. */
export async function loggedRequests(system: string, tenant: string): Promise<LoggedRequest[]> {
  const rows = await db().sandboxRequest.findMany({ where: { system, tenant }, orderBy: { id: "desc" }, take: MAX_LOGGED, select: { method: true, path: true, status: true, at: true } });
  return rows.reverse().map((r) => ({ method: r.method, path: r.path, status: r.status, at: r.at.toISOString() }));
}

export async function clearRequests(system: string, tenant: string): Promise<void> {
  await db().sandboxRequest.deleteMany({ where: { system, tenant } });
}

export async function readFaults(system: string, tenant: string): Promise<Faults> {
  const row = await db().sandboxTenant.findUnique({ where: where(system, tenant), select: { faults: true } });
  return (row?.faults as Faults | undefined) ?? {};
}

export function writeFaults(system: string, tenant: string, init: () => object, faults: Faults): Promise<void> {
  return serialized(keyOf(system, tenant), async () => {
    await load(system, tenant, init);
    await db().sandboxTenant.update({ where: where(system, tenant), data: { faults } });
  });
}

/** Takes one of the counted faults ("fail the next n"), atomically: two requests never share one. */
export function takeCountedFault(system: string, tenant: string, key: "failNext" | "timeoutNext"): Promise<boolean> {
  return serialized(keyOf(system, tenant), async () => {
    const faults = await readFaults(system, tenant); // no row: no faults to take
    const left = faults[key] ?? 0;
    if (left <= 0) return false;
    await db().sandboxTenant.update({ where: where(system, tenant), data: { faults: { ...faults, [key]: left - 1 } } });
    return true;
  });
}

/** Fault injection of contracts/sandbox.md (`POST _admin/faults`). */
export type Faults = { failNext?: number; status?: number; failRate?: number; latencyMs?: number; timeoutNext?: number };
