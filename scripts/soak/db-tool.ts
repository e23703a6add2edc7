/** `tsx scripts/soak/db-tool.ts rows|process-unbooked`: one database read or remedy, as JSON on the last line of stdout. */
import { embeddedDatabase } from "@/lib/db/adapter";
import { closeDb, documentsInDb, processUnbooked } from "./documents-in-db";

const command = process.argv[2];
const result = command === "rows" ? await documentsInDb() : command === "process-unbooked" ? await processUnbooked() : null;
if (result === null) throw new Error(`unknown command ${command}`);
await closeDb();
// Embedded: close PGlite so its writes are on disk before the server opens the directory again.
if (!process.env.DATABASE_URL) await embeddedDatabase().close();
// Exit only once the line is written: a pipe takes a large write in pieces, and exiting at once cut it off.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
