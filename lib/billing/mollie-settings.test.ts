import { describe, expect, it } from "vitest";
import { parseEnv } from "../config/env";
import { mollieSettings, mollieWebhookUrl, paymentReturnUrl } from "./mollie-settings";
import { sandboxMollieApiKey } from "./mollie-sandbox/state";

describe("which Mollie", () => {
  it("uses the configured key against Mollie itself", () => {
    expect(mollieSettings(parseEnv({ MOLLIE_API_KEY: "live_abcdefghijklmnopqrstuvwxyz0123", DATABASE_URL: "postgresql://db/app" })))
      .toEqual({ apiKey: "live_abcdefghijklmnopqrstuvwxyz0123", baseUrl: "https://api.mollie.com" });
  });

  it("uses the sandbox Mollie in sandbox mode without a key", () => {
    expect(mollieSettings(parseEnv({ APP_URL: "http://localhost:3202/" }))).toEqual({ apiKey: sandboxMollieApiKey("billing"), baseUrl: "http://localhost:3202/sandbox/mollie/billing" });
    expect(sandboxMollieApiKey("billing")).toMatch(/^test_[A-Za-z0-9]{30}$/);
  });

  it("refuses to make payment links in production without a key", () => {
    expect(() => mollieSettings(parseEnv({ DATABASE_URL: "postgresql://db/app" }))).toThrow(/MOLLIE_API_KEY/);
  });

  it("tells Mollie where to call back and where to send the merchant", () => {
    const e = parseEnv({ APP_URL: "https://app.example.com" });
    expect(mollieWebhookUrl(e)).toBe("https://app.example.com/api/billing/mollie/webhook");
    expect(paymentReturnUrl("inv 1", e)).toBe("https://app.example.com/billing/return/inv%201");
  });
});
