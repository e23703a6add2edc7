import { afterAll, beforeAll } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { seedDemo } from "../demo/seed-demo";
import { setDb } from "./client";
import { createTestDb, type TestDb } from "./testing";

/**
 * For an integration test file: a fresh database seeded with the demo merchant, installed as the
 * app's database, with every sandbox served in-process through fetch; all undone after the file.
 * The TestDb it returns is usable from the file's own beforeAll hooks (they run after this one) on.
 */
export function useDemoDatabase(appUrl = "http://localhost:3000"): TestDb {
  let current: TestDb | undefined;
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    current = await createTestDb();
    setDb(current.db);
    globalThis.fetch = inProcessSandboxFetch;
    await seedDemo(current.db, appUrl);
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    setDb(undefined);
    await current?.close();
  });
  const made = () => {
    if (!current) throw new Error("useDemoDatabase: the database exists from the file's beforeAll hooks on");
    return current;
  };
  return {
    get db() { return made().db; },
    get url() { return made().url; },
    dump: () => made().dump(),
    close: () => made().close(),
  };
}
