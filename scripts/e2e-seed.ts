// Seeds the e2e database before the server starts (in embedded mode the server then owns it):
// migrations, the demo merchant, and a second merchant to prove tenant isolation.
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/config/env";
import { hashPassword } from "../lib/crypto/password";
import { db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { openSqlRunner } from "../lib/db/sql-runner";
import { seedDemo } from "../lib/demo/seed-demo";

const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();
await seedDemo(db(), env().APP_URL);

const other = await db().account.create({
  data: {
    name: "Other Shop B.V.",
    users: { create: { email: "other@example.com", name: "Other", passwordHash: await hashPassword("other-password") } },
    integrations: { create: { licenseKey: "OTHER-CCVSHOP-WEFACT", name: "Other shop → WeFact", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } },
  },
  include: { integrations: true },
});
const demo = await db().integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });

const out = path.join(import.meta.dirname, "..", "e2e", ".state", "seed.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ demoIntegrationId: demo.id, otherIntegrationId: other.integrations[0]!.id }, null, 2));
await db().$disconnect();
