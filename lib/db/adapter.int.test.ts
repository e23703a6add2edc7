import { describe, expect, it } from "vitest";
import { parseEnv } from "../config/env";
import { openPglite } from "./adapter";

describe.skipIf(!!process.env.DATABASE_URL)("the embedded database", () => {
  it("keeps a small page cache (PGLITE_SHARED_BUFFERS, default 32MB), not PostgreSQL's server-sized 128MB", async () => {
    const pg = openPglite("memory://adapter-test");
    try {
      expect((await pg.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows[0]?.shared_buffers).toBe("32MB");
    } finally {
      await pg.close();
    }
  });

  it("refuses a page cache size PostgreSQL would not read", () => {
    expect(parseEnv({ PGLITE_SHARED_BUFFERS: "64MB" }).PGLITE_SHARED_BUFFERS).toBe("64MB");
    expect(() => parseEnv({ PGLITE_SHARED_BUFFERS: "lots" })).toThrow(/PGLITE_SHARED_BUFFERS must be a size/);
  });
});
