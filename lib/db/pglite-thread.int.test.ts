import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../config/env";
import { isUniqueViolation } from "../integrations/license-key";
import { embeddedDatabase } from "./adapter";
import { Prisma } from "./generated/client";
import { createTestDb, type TestDb } from "./testing";

/**
 * The embedded database on its own thread (pglite-thread.ts) must be indistinguishable, to Prisma
 * and to migrations, from PGlite in the app's thread: the same values back, the same errors,
 * transactions that commit or roll back, and data on disk once closed.
 */
describe.skipIf(!!process.env.DATABASE_URL)("the embedded database on its own thread", () => {
  let threaded: TestDb;
  let inline: TestDb;
  beforeAll(async () => { [threaded, inline] = await Promise.all([createTestDb({ thread: true }), createTestDb()]); });
  afterAll(async () => { await Promise.all([threaded?.close(), inline?.close()]); });

  it("gives back every kind of value exactly as PGlite in the app's thread does", async () => {
    const sql = Prisma.sql`SELECT ${"12.345"}::numeric AS amount, 9007199254740993::bigint AS big, TIMESTAMPTZ '2026-11-22 13:00:00.123+01' AS at,
      DATE '2026-02-28' AS day, '{"a":[1,"€"]}'::jsonb AS doc, '\\x00ff10'::bytea AS bytes, ARRAY['a','b'] AS list, NULL::text AS nothing, true AS yes, ${"zeë"} AS text`;
    const [a, b] = await Promise.all([threaded.db.$queryRaw<Record<string, unknown>[]>(sql), inline.db.$queryRaw<Record<string, unknown>[]>(sql)]);
    expect(a).toEqual(b);
    expect(String(a[0]!.amount)).toBe("12.345");
    expect(a[0]!.big).toBe(9007199254740993n);
    expect((a[0]!.at as Date).toISOString()).toBe("2026-11-22T12:00:00.123Z");
  });

  it("reports a constraint violation as PGlite in the app's thread does, and stays usable", async () => {
    const duplicate = async (t: TestDb) => {
      await t.db.account.create({ data: { id: "thread-a", name: "A" } });
      return t.db.account.create({ data: { id: "thread-a", name: "again" } }).catch((e: unknown) => e);
    };
    const [a, b] = await Promise.all([duplicate(threaded), duplicate(inline)]);
    const shape = (e: unknown) => {
      const err = e as Error & { code?: string; cause?: { kind?: string; code?: string } };
      return { name: err.name, message: err.message, code: err.code, kind: err.cause?.kind, pgCode: err.cause?.code };
    };
    expect(shape(a)).toEqual(shape(b));
    expect(isUniqueViolation(a)).toBe(true);
    expect((await threaded.db.account.findUniqueOrThrow({ where: { id: "thread-a" } })).name).toBe("A");
  });

  it("commits a transaction whole and rolls a failed one back whole", async () => {
    await threaded.db.$transaction(async (tx) => {
      await tx.account.create({ data: { id: "thread-b", name: "B" } });
      await tx.account.update({ where: { id: "thread-b" }, data: { name: "B2" } });
    });
    const failed = await threaded.db.$transaction(async (tx) => {
      await tx.account.create({ data: { id: "thread-c", name: "C" } });
      await tx.account.update({ where: { id: "thread-b" }, data: { name: "changed" } });
      throw new Error("changed our mind");
    }).catch((e: Error) => e.message);
    expect(failed).toBe("changed our mind");
    expect((await threaded.db.account.findUniqueOrThrow({ where: { id: "thread-b" } })).name).toBe("B2");
    expect(await threaded.db.account.findUnique({ where: { id: "thread-c" } })).toBeNull();
  });

  it("keeps what was written on disk once closed, and refuses calls after that with a clear error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-thread-"));
    try {
      const e = parseEnv({ DATA_DIR: dir });
      const first = embeddedDatabase(e);
      await first.exec("CREATE TABLE kept (v text)");
      await first.query("INSERT INTO kept VALUES ($1)", ["written"]);
      await first.close();
      await expect(first.query("SELECT 1")).rejects.toThrow(/embedded database stopped/);
      const again = embeddedDatabase(e);
      expect(again).not.toBe(first);
      expect((await again.query<{ v: string }>("SELECT v FROM kept")).rows).toEqual([{ v: "written" }]);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lets a process that only opened it end on its own, with the database whole", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-thread-"));
    const child = (...args: string[]) => new Promise<string>((resolve, reject) => {
      // A thread that kept the process alive would make this time out (the kill is the failure).
      execFile(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "open-embedded-child.ts"), dir, ...args], { timeout: 60_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    try {
      await child(); // a fresh directory: opening creates the database, and must finish doing so
      expect(JSON.parse(await child("SELECT count(*)::int AS n FROM pg_database"))[0].n).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
