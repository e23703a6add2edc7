/**
 * The contract's sandbox admin hooks (contracts/sandbox.md) and "Fetch now", over real HTTP
 * against a running server.
 */
export type Faults = { failNext?: number; status?: number; failRate?: number; latencyMs?: number; timeoutNext?: number };
export type LoggedRequest = { method: string; path: string; status: number; at: string };

const admin = (app: string, system: string, tenant: string) => `${app}/sandbox/${system}/${tenant}/_admin`;

async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const res = await fetch(url, { ...rest, headers: json === undefined ? rest.headers : { "content-type": "application/json" }, body: json === undefined ? rest.body : JSON.stringify(json), signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

/** POST _admin/documents: the shop stores it (and fires its webhooks); the shop's id. */
export async function postShopDocument(app: string, system: string, tenant: string, kind: string, payload: object): Promise<string> {
  const res = await call(`${admin(app, system, tenant)}/documents`, { method: "POST", json: { kind, payload } });
  return ((await res.json()) as { id: string }).id;
}

export async function setFaults(app: string, system: string, tenant: string, faults: Faults): Promise<void> {
  await call(`${admin(app, system, tenant)}/faults`, { method: "POST", json: faults });
}

export async function accountingState<T = Record<string, unknown[]>>(app: string, system: string, tenant: string): Promise<T> {
  return (await (await call(`${admin(app, system, tenant)}/state`)).json()) as T;
}

export async function loggedRequests(app: string, system: string, tenant: string): Promise<LoggedRequest[]> {
  return (await (await call(`${admin(app, system, tenant)}/requests`)).json()) as LoggedRequest[];
}

/** Sends an event to the embedded executor, as the dashboard's "Fetch now" does for integration/sync.requested. */
export async function sendEvent(eventsUrl: string, name: string, data: object): Promise<void> {
  await call(`${eventsUrl}/e/soak`, { method: "POST", json: { name, data } });
}
