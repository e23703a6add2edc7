import { describe, expect, it } from "vitest";
import { isEmbedded, isSandbox, parseEnv, useEmbeddedInngest } from "./env";

describe("environment", () => {
  it("needs no variable at all: embedded, sandbox, embedded Inngest", () => {
    const e = parseEnv({});
    expect(e.DATA_DIR).toBe(".data");
    expect(e.APP_URL).toBe("http://localhost:3000");
    expect(isEmbedded(e)).toBe(true);
    expect(isSandbox(e)).toBe(true);
    expect(useEmbeddedInngest(e)).toBe(true);
  });

  it("production: Postgres turns sandbox off unless SANDBOX=1", () => {
    const prod = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/app" });
    expect(isEmbedded(prod)).toBe(false);
    expect(isSandbox(prod)).toBe(false);
    expect(isSandbox(parseEnv({ DATABASE_URL: "postgresql://db/app", SANDBOX: "1" }))).toBe(true);
  });

  it("any Inngest setting turns the embedded executor off", () => {
    expect(useEmbeddedInngest(parseEnv({ INNGEST_DEV: "1" }))).toBe(false);
    expect(useEmbeddedInngest(parseEnv({ INNGEST_SIGNING_KEY: "signkey-prod-abc" }))).toBe(false);
    expect(useEmbeddedInngest(parseEnv({ INNGEST_BASE_URL: "http://inngest:8288" }))).toBe(false);
  });

  it("names every bad variable in one clear error", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", ENCRYPTION_KEY: "short", APP_URL: "not a url" })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*APP_URL[\s\S]*ENCRYPTION_KEY/,
    );
  });

  it("treats empty strings as unset", () => {
    expect(isEmbedded(parseEnv({ DATABASE_URL: "" }))).toBe(true);
  });
});

describe("subscription settings", () => {
  it("accepts Mollie keys and amounts in their own formats only", () => {
    expect(parseEnv({ MOLLIE_API_KEY: "live_abcdefghijklmnopqrstuvwxyz0123" }).MOLLIE_API_KEY).toBe("live_abcdefghijklmnopqrstuvwxyz0123");
    expect(() => parseEnv({ MOLLIE_API_KEY: "sk_live_123" })).toThrow(/MOLLIE_API_KEY/);
    expect(() => parseEnv({ SUBSCRIPTION_VAT_RATE: "21%" })).toThrow(/SUBSCRIPTION_VAT_RATE/);
    expect(parseEnv({}).MOLLIE_BASE_URL).toBe("https://api.mollie.com");
  });
});
