import { describe, expect, it } from "vitest";
import { ConnectorError } from "@/connectors/types";
import { parseEnv } from "../config/env";
import { appSecrets, isOwnSandboxShop, requireShopMatchesSecret, verifyWithAppSecret } from "./app-secrets";

const production = parseEnv({ DATABASE_URL: "postgresql://db/app", APP_URL: "https://app.example", KMOSHOPS_APP_SECRET: "kmo-live" });
const productionWithSandbox = parseEnv({ DATABASE_URL: "postgresql://db/app", APP_URL: "https://app.example", SANDBOX: "1", KMOSHOPS_APP_SECRET: "kmo-live" });
const embedded = parseEnv({ APP_URL: "http://localhost:3000" });

const refuse = () => { throw new ConnectorError("invalid_signature", "bad", false); };

describe("app store secrets", () => {
  it("production holds only the configured secret; sandbox mode adds the sandbox store's", () => {
    expect(appSecrets("kmoshops", production)).toEqual([{ secret: "kmo-live", sandbox: false }]);
    expect(appSecrets("ccvshop", production)).toEqual([]);
    expect(appSecrets("kmoshops", productionWithSandbox).map((s) => s.sandbox)).toEqual([false, true]);
    expect(appSecrets("ccvshop", embedded)).toEqual([{ secret: "ccvshop-sandbox-app-secret", sandbox: true }]);
  });

  it("tries each secret; says which matched; an unconfigured store is refused plainly", () => {
    expect(verifyWithAppSecret("kmoshops", (s) => (s === "kmo-live" ? "ok" : refuse()), productionWithSandbox)).toEqual({ result: "ok", sandbox: false });
    expect(verifyWithAppSecret("kmoshops", (s) => (s === "kmoshops-sandbox-app-secret" ? "ok" : refuse()), productionWithSandbox)).toEqual({ result: "ok", sandbox: true });
    expect(() => verifyWithAppSecret("kmoshops", refuse, productionWithSandbox)).toThrow("bad");
    expect(() => verifyWithAppSecret("ccvshop", () => "ok", production)).toThrow(/CCVSHOP_APP_SECRET is missing/);
  });

  it("stops at a problem that is not the signature (a bad body)", () => {
    let calls = 0;
    const badBody = () => { calls++; throw new ConnectorError("invalid_payload", "no shop_id", false); };
    expect(() => verifyWithAppSecret("kmoshops", badBody, productionWithSandbox)).toThrow("no shop_id");
    expect(calls).toBe(1);
  });

  it("the sandbox secret vouches for this app's own sandbox shops only", () => {
    expect(isOwnSandboxShop("kmoshops", "https://app.example/sandbox/kmoshops/acme", productionWithSandbox)).toBe(true);
    expect(isOwnSandboxShop("kmoshops", "https://app.example/sandbox/ccvshop/acme", productionWithSandbox)).toBe(false);
    expect(isOwnSandboxShop("kmoshops", "https://evil.example/sandbox/kmoshops/acme", productionWithSandbox)).toBe(false);
    expect(() => requireShopMatchesSecret("kmoshops", true, "https://shop.kmoshops.be", productionWithSandbox)).toThrow(/only valid for sandbox shops/);
    expect(() => requireShopMatchesSecret("kmoshops", false, "https://shop.kmoshops.be", productionWithSandbox)).not.toThrow();
  });

  it("with the sandboxes on a server of their own (SANDBOX_URL), vouches for that server's shops instead", () => {
    const separate = parseEnv({ APP_URL: "http://localhost:3000", SANDBOX_URL: "http://127.0.0.1:8600/" });
    expect(isOwnSandboxShop("ccvshop", "http://127.0.0.1:8600/sandbox/ccvshop/acme", separate)).toBe(true);
    expect(isOwnSandboxShop("ccvshop", "http://localhost:3000/sandbox/ccvshop/acme", separate)).toBe(false);
    expect(isOwnSandboxShop("ccvshop", "http://localhost:3000/sandbox/ccvshop/acme", embedded)).toBe(true);
  });
});
