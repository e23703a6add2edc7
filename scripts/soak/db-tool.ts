/** `tsx scripts/soak/db-tool.ts rows|process-unbooked`: one database read or remedy, as JSON on the last line of stdout. */
import { closeDb, documentsInDb, processUnbooked } from "./documents-in-db";

const command = process.argv[2];
const result = command === "rows" ? await documentsInDb() : command === "process-unbooked" ? await processUnbooked() : null;
if (result === null) throw new Error(`unknown command ${command}`);
await closeDb();
console.log(JSON.stringify(result));
