// `npm start`: generate + build when needed, then serve. Migrations and the demo seed run inside
// the server at boot (instrumentation.ts), because in embedded mode one process owns the database.
import { spawn } from "node:child_process";
import { prepare } from "./prepare.mjs";

prepare();
const port = process.env.PORT ?? "3000";
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
