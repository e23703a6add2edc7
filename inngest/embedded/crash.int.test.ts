import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../lib/db/testing";
import { waitFor } from "./testing/harness";

/**
 * kill -9 mid-run, twice (inside a step, then during a sleep): every restart resumes the run
 * from its last memoized step, and it finishes exactly once. Runs on an on-disk PGlite data
 * directory, or on the test PostgreSQL database when DATABASE_URL is set.
 */
describe("embedded executor crash recovery", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inngest-crash-"));
  const logFile = path.join(dir, "log");
  let testDb: TestDb | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) testDb = await createTestDb();
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await testDb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const lines = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean) : []);
  const count = (line: string) => lines().filter((l) => l === line).length;

  function start(send: boolean): ChildProcess {
    const script = path.join(import.meta.dirname, "testing", "crash-child.ts");
    // node --import tsx: one process, so SIGKILL hits the process that owns the database.
    const proc = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      env: {
        ...process.env,
        CRASH_DIR: dir,
        ...(testDb?.url ? { CRASH_DATABASE_URL: testDb.url } : { CRASH_PGLITE: path.join(dir, "pgdata") }),
        ...(send ? { CRASH_SEND: "1" } : {}),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child = proc;
    return proc;
  }

  async function kill(proc: ChildProcess): Promise<void> {
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGKILL");
    await exited;
  }

  it("resumes every unfinished run after kill -9 and finishes it exactly once", async () => {
    // Life 1: the event is accepted, step a is memoized, step b hangs: kill inside b.
    const first = start(true);
    await waitFor(() => count("b-start") === 1, "step b to start", 60_000);
    await kill(first);
    expect(count("a")).toBe(1);

    // Life 2: b runs again (it never completed) and finishes; kill during the sleep.
    fs.writeFileSync(path.join(dir, "go"), "");
    const second = start(true); // sends the same event id again: deduped, no second run
    await waitFor(() => lines().includes("state sleeping"), "the run to sleep", 60_000);
    await kill(second);

    // Life 3: the sleep ends, c runs, the run completes.
    const third = start(false);
    const exitCode = await new Promise<number | null>((r) => third.once("exit", r));
    expect(exitCode).toBe(0);

    const log = lines();
    expect(log.filter((l) => l.startsWith("life "))).toHaveLength(3);
    expect(count("a")).toBe(1); // memoized before the first kill: never again
    expect(count("b-start")).toBe(2); // interrupted once, so started twice
    expect(count("b-done")).toBe(1);
    expect(count("c")).toBe(1);
    expect(log.filter((l) => l.startsWith("state completed"))).toEqual(["state completed 6 runs=1"]);
  }, 180_000);
});
