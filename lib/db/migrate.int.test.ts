import { describe, expect, it } from "vitest";
import { createTestDb } from "./testing";

describe("migrations", () => {
  it("create every table of the schema and record themselves like prisma migrate does", async () => {
    const t = await createTestDb();
    try {
      const rows = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
        SELECT migration_name, finished_at FROM "_prisma_migrations"`;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.finished_at)).toBe(true);
      // Amounts are exact decimals, not floats.
      const doc = await t.db.account.create({
        data: { name: "A", integrations: { create: { licenseKey: "K", name: "K", sourceSystem: "ccvshop", targetSystem: "rompslomp" } } },
        include: { integrations: true },
      });
      const created = await t.db.document.create({
        data: { integrationId: doc.integrations[0]!.id, kind: "order", sourceId: "1", rawPayload: {}, totalInclVat: "0.10" },
      });
      const sum = (await t.db.document.findUniqueOrThrow({ where: { id: created.id } })).totalInclVat!.plus("0.20");
      expect(sum.toString()).toBe("0.3");
    } finally {
      await t.close();
    }
  });

  it("are idempotent: applying them again changes nothing", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { applyMigrations } = await import("./migrate");
    const pglite = new PGlite("memory://");
    const first = await applyMigrations(pglite);
    const second = await applyMigrations(pglite);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual([]);
    await pglite.close();
  });
});
