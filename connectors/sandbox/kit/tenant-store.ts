import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * The state of one simulated tenant, kept as one JSON document in SandboxTenant so simulators
 * survive restarts. Access is serialized per tenant within the process (the sandbox is served by
 * the app itself), so a read-modify-write never loses a concurrent change.
 */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(key, next.catch(() => undefined));
  return next;
}

type Row = { state: unknown; requests: unknown; faults: unknown };

async function load(system: string, tenant: string, init: () => object): Promise<Row> {
  const row = await db().sandboxTenant.findUnique({ where: { system_tenant: { system, tenant } } });
  if (row) return row;
  const state = init();
  await db().sandboxTenant.create({ data: { system, tenant, state: state as Prisma.InputJsonValue } });
  return { state, requests: [], faults: {} };
}

/** Runs `fn` on the tenant's state and saves what it changed. */
export function updateTenant<S extends object, T>(system: string, tenant: string, init: () => S, fn: (state: S) => T | Promise<T>): Promise<T> {
  return serialized(`${system}/${tenant}`, async () => {
    const row = await load(system, tenant, init);
    const state = row.state as S;
    const result = await fn(state);
    await db().sandboxTenant.update({ where: { system_tenant: { system, tenant } }, data: { state: state as Prisma.InputJsonValue } });
    return result;
  });
}

/** A consistent read of the tenant's state (no save). */
export function readTenant<S extends object>(system: string, tenant: string, init: () => S): Promise<S> {
  return serialized(`${system}/${tenant}`, async () => (await load(system, tenant, init)).state as S);
}

export type LoggedRequest = { method: string; path: string; status: number; at: string };
const MAX_LOGGED = 2000;

export function logRequest(system: string, tenant: string, entry: LoggedRequest): Promise<void> {
  return serialized(`${system}/${tenant}`, async () => {
    const row = await db().sandboxTenant.findUnique({ where: { system_tenant: { system, tenant } }, select: { requests: true } });
    if (!row) return;
    const requests = [...(row.requests as LoggedRequest[]), entry].slice(-MAX_LOGGED);
    await db().sandboxTenant.update({ where: { system_tenant: { system, tenant } }, data: { requests } });
  });
}

export async function loggedRequests(system: string, tenant: string): Promise<LoggedRequest[]> {
  const row = await db().sandboxTenant.findUnique({ where: { system_tenant: { system, tenant } }, select: { requests: true } });
  return (row?.requests as LoggedRequest[] | undefined) ?? [];
}

export async function clearRequests(system: string, tenant: string): Promise<void> {
  await db().sandboxTenant.updateMany({ where: { system, tenant }, data: { requests: [] } });
}

export async function readFaults(system: string, tenant: string): Promise<Faults> {
  const row = await db().sandboxTenant.findUnique({ where: { system_tenant: { system, tenant } }, select: { faults: true } });
  return (row?.faults as Faults | undefined) ?? {};
}

export function writeFaults(system: string, tenant: string, init: () => object, faults: Faults): Promise<void> {
  return serialized(`${system}/${tenant}`, async () => {
    await load(system, tenant, init);
    await db().sandboxTenant.update({ where: { system_tenant: { system, tenant } }, data: { faults } });
  });
}

/** Takes one of the counted faults ("fail the next n"), atomically: two requests never share one. */
export function takeCountedFault(system: string, tenant: string, init: () => object, key: "failNext" | "timeoutNext"): Promise<boolean> {
  return serialized(`${system}/${tenant}`, async () => {
    const faults = ((await load(system, tenant, init)).faults as Faults | null) ?? {};
    const left = faults[key] ?? 0;
    if (left <= 0) return false;
    await db().sandboxTenant.update({ where: { system_tenant: { system, tenant } }, data: { faults: { ...faults, [key]: left - 1 } } });
    return true;
  });
}

/** Fault injection of contracts/sandbox.md (`POST _admin/faults`). */
export type Faults = { failNext?: number; status?: number; failRate?: number; latencyMs?: number; timeoutNext?: number };
