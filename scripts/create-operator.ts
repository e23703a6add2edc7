// `npm run operator:create -- --email support@example.com [--name "Jane"]`: an operator login for
// production (the operator area /ops: merchants, tickets, read-only dashboards). Prints a generated
// password once; run it again for the same address to give that operator a new password.
// In embedded mode the server owns the database: stop it first.
import { parseArgs } from "node:util";
import { db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { openSqlRunner } from "../lib/db/sql-runner";
import { createOperator, generatePassword } from "../lib/support/operators";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const email = values.email?.trim() ?? "";
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error('Usage: npm run operator:create -- --email <address> [--name "<name>"]');
  process.exit(2);
}

// The schema as the server would leave it (idempotent), so this also works before the first start.
const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();

const password = generatePassword();
try {
  const result = await createOperator(db(), { email, password, name: values.name });
  if (result.status === "not-an-operator") {
    console.error(`${email} is a merchant's login; use another address for an operator.`);
    process.exitCode = 1;
  } else {
    console.info(result.status === "created" ? `Operator ${email} created.` : `Operator ${email} already existed; the password was replaced.`);
    console.info(`Password: ${password}`);
  }
} finally {
  await db().$disconnect();
}
// The embedded database can keep the event loop alive after disconnecting: end here.
process.exit();
