// Makes the app runnable: generates the Prisma client and builds Next.js, each only when its
// inputs changed since the last time. Used by `npm start` and the test runner.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "lib", "connectors", "inngest", "components", "public", "types", "instrumentation.ts",
  "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== "generated") visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

const mtime = (p) => (fs.existsSync(path.join(root, p)) ? fs.statSync(path.join(root, p)).mtimeMs : 0);
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit" });

export function prepare({ build = true } = {}) {
  if (mtime("lib/db/generated/client.ts") < mtime("prisma/schema.prisma")) run("npx prisma generate");
  if (build && mtime(".next/BUILD_ID") < newestMtime(SOURCES)) run("npx next build");
}

if (import.meta.url === `file://${process.argv[1]}`) prepare({ build: !process.argv.includes("--no-build") });
