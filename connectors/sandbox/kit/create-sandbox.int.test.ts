import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createSandbox } from "./create-sandbox";

type State = { apiKey: string; notes: string[]; vatCodes: string[] };

const handler = createSandbox<State>({
  system: "wefact",
  initialState: () => ({ apiKey: "k", notes: [], vatCodes: ["V21"] }),
  reset: (s) => ({ ...s, notes: [], vatCodes: ["V21"] }),
  exportState: (s) => ({ contacts: [], products: [], invoices: s.notes, mutations: [], payments: [] }),
  api: async (ctx) => {
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

  it("answers unknown admin hooks with 404", async () => {
    expect((await call("POST", "_admin/documents", {})).status).toBe(404);
  });
});
