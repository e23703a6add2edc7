import { Inngest } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptLocalCalls, localExecutorFetch } from "./local-calls";
import type { Endpoints } from "./server";

const base = "http://127.0.0.1:18999";

describe("calls to an executor in this process", () => {
  const undo: (() => void)[] = [];
  afterEach(() => {
    undo.splice(0).forEach((u) => u());
    vi.unstubAllGlobals();
  });

  it("reach the executor's endpoints without the network, through the real Inngest client", async () => {
    const received: { path: string; authorization?: string; body: unknown }[] = [];
    const post: Endpoints = async (path, authorization, text) => {
      const body = JSON.parse(text) as { name: string }[];
      received.push({ path, authorization, body });
      return { status: 200, body: { ids: body.map((_, i) => `id-${i}`), status: 200 } };
    };
    undo.push(acceptLocalCalls(base, post));
    const network = vi.fn(() => { throw new Error("no network expected"); });
    vi.stubGlobal("fetch", network);
    const client = new Inngest({ id: "local-calls-test", isDev: false, baseUrl: base, signingKey: `signkey-prod-${"a".repeat(64)}`, eventKey: "embedded", fetch: localExecutorFetch });

    const { ids } = await client.send([{ name: "shop/order.received", data: { n: 1 } }, { name: "shop/order.received", data: { n: 2 } }]);

    expect(ids).toEqual(["id-0", "id-1"]);
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe("/e/embedded");
    expect((received[0]!.body as { data: unknown; ts: unknown }[]).map((e) => [e.data, typeof e.ts])).toEqual([[{ n: 1 }, "number"], [{ n: 2 }, "number"]]);
    expect(network).not.toHaveBeenCalled();
  });

  it("hand over the path, the Authorization header and the body, and answer with the endpoint's status and body", async () => {
    undo.push(acceptLocalCalls(base, async (path, authorization, text) => ({ status: 409, body: { path, authorization, text } })));
    const res = await localExecutorFetch(`${base}/v1/checkpoint/run%201/async`, { method: "POST", headers: { Authorization: "Bearer abc" }, body: '{"steps":[]}' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ path: "/v1/checkpoint/run%201/async", authorization: "Bearer abc", text: '{"steps":[]}' });
  });

  it("sends everything else over the network: other methods, other executors, after the executor stopped", async () => {
    const stop = acceptLocalCalls(base, async () => { throw new Error("must not be reached"); });
    const network = vi.fn(async (_request: Request) => Response.json({ remote: true }));
    vi.stubGlobal("fetch", network);
    await localExecutorFetch(`${base}/health`);
    await localExecutorFetch("http://127.0.0.1:18998/e/key", { method: "POST", body: "[]" });
    stop();
    await localExecutorFetch(`${base}/e/key`, { method: "POST", body: "[]" });
    expect(network.mock.calls.map(([r]) => r.url)).toEqual([`${base}/health`, "http://127.0.0.1:18998/e/key", `${base}/e/key`]);
  });
});
