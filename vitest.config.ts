import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// Tests never touch the developer's .data: their own key, secret and data directory. They run in
// sandbox mode whatever the database (CI's PostgreSQL pass would otherwise switch it off), since
// they exercise the product against its sandboxes.
const env = {
  SANDBOX: "1",
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  DATA_DIR: path.join(os.tmpdir(), `boekkoppeling-test-${process.pid}`),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,connectors,inngest,app}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          env,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,connectors,inngest,app}/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env,
        },
      },
    ],
  },
});
