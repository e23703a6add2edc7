import fs from "node:fs";
import path from "node:path";

/** Ids written by scripts/e2e-seed.ts before the server started. */
export const seedState = () =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, ".state", "seed.json"), "utf8")) as {
    demoIntegrationId: string;
    otherIntegrationId: string;
  };

export const DEMO = { email: "demo@example.com", password: "demo" };
export const OTHER = { email: "other@example.com", password: "other-password" };
