/**
 * Child process for pglite-thread.int.test.ts: opens the embedded database of DATA_DIR (argv[2])
 * on its thread, runs the statement in argv[3] if any, and does nothing else: the process must end
 * on its own, as a script or `prisma -v` does.
 */
import { parseEnv } from "../config/env";
import { embeddedDatabase } from "./adapter";

const database = embeddedDatabase(parseEnv({ DATA_DIR: process.argv[2] }));
if (process.argv[3]) console.log(JSON.stringify((await database.query(process.argv[3])).rows));
