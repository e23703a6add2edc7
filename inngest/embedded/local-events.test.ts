import { Inngest } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptLocalEvents, localEventsFetch } from "./local-events";
import type { IncomingEvent } from "./schemas";

const base = "http://127.0.0.1:18999";

describe("events to an executor in this process", () => {
  const undo: (() => void)[] = [];
  afterEach(() => {
    undo.splice(0).forEach((u) => u());
    vi.unstubAllGlobals();
  });

  it("reach the executor without the network, through the real Inngest client", async () => {
    const received: IncomingEvent[] = [];
    undo.push(acceptLocalEvents(base, async (events) => { received.push(...events); return events.map((_, i) => `id-${i}`); }));
    const network = vi.fn(() => { throw new Error("no network expected"); });
    vi.stubGlobal("fetch", network);
    const client = new Inngest({ id: "local-events-test", isDev: false, baseUrl: base, signingKey: `signkey-prod-${"a".repeat(64)}`, eventKey: "embedded", fetch: localEventsFetch });

    const { ids } = await client.send([{ name: "shop/order.received", data: { n: 1 } }, { name: "shop/order.received", data: { n: 2 } }]);

    expect(ids).toEqual(["id-0", "id-1"]);
    expect(received.map((e) => [e.name, e.data])).toEqual([["shop/order.received", { n: 1 }], ["shop/order.received", { n: 2 }]]);
    expect(received[0]!.ts).toEqual(expect.any(Number)); // the SDK's own stamping happened
    expect(network).not.toHaveBeenCalled();
  });

  it("answers a body the HTTP endpoint would refuse with the same 400", async () => {
    undo.push(acceptLocalEvents(base, async () => { throw new Error("must not be reached"); }));
    const notJson = await localEventsFetch(`${base}/e/key`, { method: "POST", body: "<html>" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ status: 400, error: "Body is not JSON" });
    const noName = await localEventsFetch(`${base}/e/key`, { method: "POST", body: JSON.stringify([{ data: {} }]) });
    expect(noName.status).toBe(400);
    expect((await noName.json()).error).toMatch(/name/);
  });

  it("sends everything else over the network: other paths, other executors, after the executor stopped", async () => {
    const stop = acceptLocalEvents(base, async () => []);
    const network = vi.fn(async (_request: Request) => Response.json({ remote: true }));
    vi.stubGlobal("fetch", network);
    await localEventsFetch(`${base}/fn/register`, { method: "POST", body: "{}" });
    await localEventsFetch("http://127.0.0.1:18998/e/key", { method: "POST", body: "[]" });
    stop();
    await localEventsFetch(`${base}/e/key`, { method: "POST", body: "[]" });
    expect(network.mock.calls.map(([r]) => r.url)).toEqual([`${base}/fn/register`, "http://127.0.0.1:18998/e/key", `${base}/e/key`]);
  });
});
