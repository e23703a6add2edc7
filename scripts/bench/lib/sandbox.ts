// The sandboxes' admin hooks over real HTTP (contracts/sandbox.md), and "Fetch now" through the
// embedded executor's event endpoint: what a benchmark or soak uses to feed and observe a server.
import { documentFor, magentoOrder, type Pair } from "./documents";

export type LoggedRequest = { method: string; path: string; status: number; at: string };

async function call(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, signal: AbortSignal.timeout(60_000) });
  if (res.status >= 400) throw new Error(`${init?.method ?? "GET"} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

export function sandbox(sandboxUrl: string, system: string, tenant: string) {
  const base = `${sandboxUrl}/sandbox/${system}/${tenant.toLowerCase()}/_admin`;
  return {
    /** Stores a document and fires the shop's webhooks; returns the shop's id. */
    async post(kind: string, payload: object): Promise<string> {
      const res = await call(`${base}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
      return String(((await res.json()) as { id: string }).id);
    },
    async faults(faults: object): Promise<void> {
      await call(`${base}/faults`, { method: "POST", body: JSON.stringify(faults) });
    },
    async requests(): Promise<LoggedRequest[]> {
      return (await call(`${base}/requests`)).json() as Promise<LoggedRequest[]>;
    },
    async state(): Promise<Record<string, unknown[]>> {
      return (await call(`${base}/state`)).json() as Promise<Record<string, unknown[]>>;
    },
  };
}

/** Sends an event to the embedded executor, as the dashboard's "Fetch now" does. */
export async function sendEvent(executorUrl: string, name: string, data: object): Promise<void> {
  await call(`${executorUrl}/e/bench`, { method: "POST", body: JSON.stringify([{ name, data }]) });
}

/** What an accounting sandbox holds as booked: invoices, or mutations where the target books those. */
export async function bookedInTarget(sandboxUrl: string, system: string, tenant: string): Promise<number> {
  const state = await sandbox(sandboxUrl, system, tenant).state();
  return (state.invoices?.length ?? 0) + (system === "eboekhouden" ? (state.mutations?.length ?? 0) : 0);
}

/** One integration of a demo pair, fed through its sandbox shop. */
export class Feed {
  private magentoOrderId?: string;
  constructor(readonly sandboxUrl: string, readonly executorUrl: string, readonly licenseKey: string, readonly pair: Pair) {}

  get shop() { return sandbox(this.sandboxUrl, this.pair.source, this.licenseKey); }
  get books() { return sandbox(this.sandboxUrl, this.pair.target, this.licenseKey); }

  /** Posts one document to the shop; returns its shop id and when it was posted (ms epoch). */
  async post(): Promise<{ sourceId: string; postedAt: number }> {
    if (this.pair.source === "magento2" && !this.magentoOrderId) this.magentoOrderId = await this.shop.post("order", magentoOrder());
    const [kind, payload] = documentFor(this.pair, this.magentoOrderId);
    const postedAt = Date.now();
    return { sourceId: await this.shop.post(kind, payload), postedAt };
  }

  /** Polled shops (no webhook): "Fetch now". Webhook shops announce documents themselves. */
  async announce(): Promise<void> {
    if (!this.pair.webhook) await sendEvent(this.executorUrl, "integration/sync.requested", { licenseKey: this.licenseKey });
  }

  booked(): Promise<number> {
    return bookedInTarget(this.sandboxUrl, this.pair.target, this.licenseKey);
  }
}

/**
 * Waits until each feed's target holds at least its expected count, one integration at a time
 * (one request in flight, so the observer barely loads the server it measures). Returns the
 * feeds that did not get there before the deadline.
 */
export async function waitUntilBooked(feeds: { feed: Feed; expected: number }[], timeoutMs: number, pollMs = 1000): Promise<{ feed: Feed; expected: number; got: number }[]> {
  const end = Date.now() + timeoutMs;
  const missing: { feed: Feed; expected: number; got: number }[] = [];
  for (const { feed, expected } of feeds) {
    let got = await feed.booked();
    while (got < expected && Date.now() < end) {
      await new Promise((r) => setTimeout(r, pollMs));
      got = await feed.booked();
    }
    if (got < expected) missing.push({ feed, expected, got });
  }
  return missing;
}
