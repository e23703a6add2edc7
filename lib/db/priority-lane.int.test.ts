import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./testing";
import { urgently } from "./priority-lane";

/**
 * The embedded database's priority lane through Prisma and PGlite: while background work holds
 * the database, an urgent statement queued after it goes first; transactions keep theirs.
 */
describe.skipIf(!!process.env.DATABASE_URL).each([
  { where: "in the app's thread", thread: false },
  { where: "on its own thread", thread: true },
])("priority lane on the embedded database $where", ({ thread }) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb({ thread }); });
  afterAll(() => t?.close());

  it("runs an urgent statement before background statements that queued earlier, and a transaction's own statements inside it", async () => {
    const finished: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let began!: () => void;
    const begun = new Promise<void>((r) => (began = r));
    // Background work holding the database: an interactive transaction waiting on something else.
    const tx = t.db.$transaction(async (db) => {
      began();
      await released;
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>("SELECT 1 AS n");
      finished.push(`transaction ${row!.n}`);
    });
    await begun;
    const background = [1, 2, 3].map((i) => t.db.$queryRawUnsafe(`SELECT ${i}`).then(() => finished.push(`background ${i}`)));
    const urgent = urgently(() => t.db.$queryRawUnsafe("SELECT 'urgent'").then(() => finished.push("urgent")));
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toEqual([]);
    release();
    await Promise.all([tx, ...background, urgent]);
    expect(finished).toEqual(["transaction 1", "urgent", "background 1", "background 2", "background 3"]);
  });
});
