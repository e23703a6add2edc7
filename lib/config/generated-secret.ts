import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A secret kept in DATA_DIR for embedded mode: generated on first start, reused afterwards.
 * The file is created exclusively (0600) so two processes starting at once agree on one value.
 */
export function generatedSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(bytes).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}
