import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./lib/db/adapter";

// The 6.19 CLI needs a syntactically valid postgresql:// URL in the schema or it tries to
// download a native engine; the real connection always goes through the adapter below.
process.env.PRISMA_SCHEMA_URL ??= process.env.DATABASE_URL || "postgresql://embedded@localhost/pglite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  // Same adapter as the app (see lib/db/adapter.ts on why the cast).
  adapter: createMigrationAdapter as never,
});
