import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createSandbox } from "./create-sandbox";
import { MAX_LOGGED, pruneRequests } from "./tenant-store";

type State = { apiKey: string; notes: string[]; vatCodes: string[] };

const handler = createSandbox<State>({
  system: "wefact",
  initialState: () => ({ apiKey: "k", notes: [], vatCodes: ["V21"] }),
  reset: (s) => ({ ...s, notes: [], vatCodes: ["V21"] }),
  exportState: (s) => ({ contacts: [], products: [], invoices: s.notes, mutations: [], payments: [] }),
  api: async (ctx) => {
    if (ctx.req.method === "PUT") {
      (await ctx.read()).notes.push("changed on read"); // a handler bug: reads must not change the state
      return Response.json({ ok: true });
    }
    if (ctx.req.method === "POST") {
      const note = (await ctx.req.json()).note as string;
      await ctx.update((s) => { s.notes.push(note); });
      return Response.json({ ok: true }, { status: 201 });
    }
    return Response.json(await ctx.read());
  },
});

const call = (method: string, path: string, body?: unknown) =>
  handler(new Request(`http://app/sandbox/wefact/t1/${path}`, { method, body: body ? JSON.stringify(body) : undefined }), {
    tenant: "t1",
    path: path.split("/"),
  });

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("sandbox kit", () => {
  it("keeps tenant state, serializes concurrent writes, logs API requests", async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => call("POST", "v2/notes", { note: `n${i}` })));
    const state = await (await call("GET", "_admin/state")).json();
    expect(state.invoices).toHaveLength(10);
    const requests = await (await call("GET", "_admin/requests")).json();
    expect(requests).toHaveLength(10);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/v2/notes", status: 201 });
  });

  it("injects failures, then recovers", async () => {
    expect((await call("POST", "_admin/faults", { failNext: 2, status: 429 })).status).toBe(204);
    expect((await call("GET", "v2/notes")).status).toBe(429);
    expect((await call("GET", "v2/notes")).status).toBe(429);
    expect((await call("GET", "v2/notes")).status).toBe(200);
  });

  it("reset empties business data but keeps credentials and reference data", async () => {
    await call("POST", "_admin/reset");
    const state = await (await call("GET", "v2/x")).json();
    expect(state).toEqual({ apiKey: "k", notes: [], vatCodes: ["V21"] });
  });

  it("sees a change another process saved (the cached state is checked against the row's stamp)", async () => {
    await call("POST", "_admin/reset");
    await call("POST", "v2/notes", { note: "ours" });
    const row = await t.db.sandboxTenant.findUniqueOrThrow({ where: { system_tenant: { system: "wefact", tenant: "t1" } } });
    await t.db.sandboxTenant.update({ where: { system_tenant: { system: "wefact", tenant: "t1" } }, data: { state: { ...(row.state as State), notes: ["ours", "theirs"] }, stamp: "another process" } });
    expect((await (await call("GET", "v2/x")).json()).notes).toEqual(["ours", "theirs"]);
    await call("POST", "v2/notes", { note: "after" });
    const saved = await t.db.sandboxTenant.findUniqueOrThrow({ where: { system_tenant: { system: "wefact", tenant: "t1" } } });
    expect((saved.state as State).notes).toEqual(["ours", "theirs", "after"]);
  });

  it("refuses a handler that changes state it only read, and keeps the state as it was", async () => {
    await call("POST", "_admin/reset");
    expect((await call("PUT", "v2/notes")).status).toBe(500);
    expect((await (await call("GET", "v2/x")).json()).notes).toEqual([]);
  });

  it("keeps the newest requests, oldest first, when the log is pruned", async () => {
    await call("POST", "_admin/reset");
    const older = Array.from({ length: 5 }, (_, i) => ({ system: "wefact", tenant: "t1", method: "GET", path: `/old/${i}`, status: 200 }));
    await t.db.sandboxRequest.createMany({ data: older });
    await t.db.sandboxRequest.createMany({ data: Array.from({ length: MAX_LOGGED - 1 }, () => ({ system: "wefact", tenant: "t1", method: "GET", path: "/filler", status: 200 })) });
    await call("GET", "v2/last");
    const requests = (await (await call("GET", "_admin/requests")).json()) as { path: string }[];
    expect(requests).toHaveLength(MAX_LOGGED);
    expect(requests.at(-1)!.path).toBe("/v2/last");
    expect(requests.some((r) => r.path.startsWith("/old/"))).toBe(false);
    await pruneRequests("wefact", "t1");
    expect(await t.db.sandboxRequest.count({ where: { system: "wefact", tenant: "t1" } })).toBe(MAX_LOGGED);
  });

  it("answers unknown admin hooks with 404", async () => {
    expect((await call("POST", "_admin/documents", {})).status).toBe(404);
  });
});
