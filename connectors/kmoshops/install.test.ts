import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { installCallSignature, installRedirectSignature } from "./contract";
import { appStoreInstallLink, verifyHandshake, verifyInstallRedirect, verifyUninstall } from "./install";

const appSecret = "kmo-app-secret-from-the-partner-portal";
const now = Date.parse("2024-05-01T10:00:00Z");
const ts = String(now / 1000);
const rawBody = JSON.stringify({
  shop_id: "acme", shop_name: "Acme BV", api_root: "https://acme.kmoshops.be/", api_key: "kmo_live_abc", webhook_secret: "whsec_123",
  state: "signed-license-key", return_url: "https://acme.kmoshops.be/admin/apps/42",
});
const headersFor = (raw: string, secret = appSecret, timestamp = ts) => new Headers({ "x-kmo-timestamp": timestamp, "x-kmo-signature": installCallSignature(secret, timestamp, raw) });
const error = (fn: () => unknown) => { try { fn(); } catch (e) { if (e instanceof ConnectorError) return e; throw e; } throw new Error("expected a ConnectorError"); };

describe("verifyHandshake", () => {
  it("checks HMAC-SHA256(app secret, timestamp.body) and produces the credentials, API root and state", () => {
    expect(verifyHandshake({ rawBody, headers: headersFor(rawBody), appSecret, now })).toEqual({
      credentials: { shopId: "acme", apiKey: "kmo_live_abc", webhookSecret: "whsec_123" },
      baseUrl: "https://acme.kmoshops.be",
      shopName: "Acme BV",
      state: "signed-license-key",
      returnUrl: "https://acme.kmoshops.be/admin/apps/42",
    });
  });

  it("refuses another secret, another body, no timestamp, an old timestamp", () => {
    expect(error(() => verifyHandshake({ rawBody, headers: headersFor(rawBody, "other"), appSecret, now }))).toMatchObject({ code: "invalid_signature", retryable: false });
    expect(error(() => verifyHandshake({ rawBody: rawBody.replace("abc", "abd"), headers: headersFor(rawBody), appSecret, now }))).toMatchObject({ code: "invalid_signature" });
    expect(error(() => verifyHandshake({ rawBody, headers: new Headers({ "x-kmo-signature": "00" }), appSecret, now }))).toMatchObject({ code: "invalid_signature", message: expect.stringContaining("timestamp") });
    const old = String(now / 1000 - 3600);
    expect(error(() => verifyHandshake({ rawBody, headers: headersFor(rawBody, appSecret, old), appSecret, now }))).toMatchObject({ code: "invalid_signature", message: expect.stringContaining("too old") });
  });

  it("a signed handshake without credentials or with junk is invalid_payload naming the field", () => {
    const noKey = JSON.stringify({ shop_id: "acme", api_root: "https://acme.kmoshops.be", webhook_secret: "w" });
    expect(error(() => verifyHandshake({ rawBody: noKey, headers: headersFor(noKey), appSecret, now }))).toMatchObject({ code: "invalid_payload", message: expect.stringContaining('"api_key"') });
    expect(error(() => verifyHandshake({ rawBody: "junk", headers: headersFor("junk"), appSecret, now }))).toMatchObject({ code: "invalid_payload", message: expect.stringContaining("not valid JSON") });
  });

  it("state is optional (the merchant started in the shop backend)", () => {
    const body = JSON.stringify({ shop_id: 7, api_root: "https://x.kmoshops.be", api_key: "k", webhook_secret: "w" });
    expect(verifyHandshake({ rawBody: body, headers: headersFor(body), appSecret, now })).toMatchObject({ credentials: { shopId: "7" }, state: undefined, returnUrl: undefined });
  });
});

describe("verifyInstallRedirect", () => {
  const link = (params: Record<string, string>) => {
    const url = new URL("https://app.example/api/install/kmoshops/install");
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set("signature", installRedirectSignature(appSecret, params));
    return url;
  };

  it("checks HMAC-SHA256 over the sorted query and returns shop id, state and language", () => {
    const url = link({ shop_id: "acme", state: "a b/c+d", timestamp: ts, language: "nl" });
    expect(verifyInstallRedirect({ requestUrl: url, appSecret, now })).toEqual({ shopId: "acme", state: "a b/c+d", language: "nl" });
  });

  it("refuses a changed parameter, an old link, a link without shop_id", () => {
    const url = link({ shop_id: "acme", state: "s", timestamp: ts });
    url.searchParams.set("state", "someone-else");
    expect(error(() => verifyInstallRedirect({ requestUrl: url, appSecret, now }))).toMatchObject({ code: "invalid_signature" });
    expect(error(() => verifyInstallRedirect({ requestUrl: link({ shop_id: "acme", timestamp: ts }), appSecret, now: now + 11 * 60_000 }))).toMatchObject({ code: "invalid_signature", message: expect.stringContaining("too old") });
    expect(error(() => verifyInstallRedirect({ requestUrl: link({ timestamp: ts }), appSecret, now }))).toMatchObject({ code: "invalid_payload" });
  });
});

describe("verifyUninstall and the install link", () => {
  it("returns the shop id of a signed uninstall call", () => {
    const body = JSON.stringify({ shop_id: "acme", uninstalled_at: "2024-05-01T10:00:00Z" });
    expect(verifyUninstall({ rawBody: body, headers: headersFor(body), appSecret, now })).toEqual({ shopId: "acme" });
    expect(error(() => verifyUninstall({ rawBody: body, headers: headersFor(body, "x"), appSecret, now }))).toMatchObject({ code: "invalid_signature" });
  });

  it("builds the shop's app-store link, keeping a base path", () => {
    expect(appStoreInstallLink("https://acme.kmoshops.be/", { appId: "42", state: "s t" })).toBe("https://acme.kmoshops.be/admin/apps/install?app=42&state=s+t");
    expect(appStoreInstallLink("http://localhost:3000/sandbox/kmoshops/acme", { appId: "42", state: "s" })).toBe("http://localhost:3000/sandbox/kmoshops/acme/admin/apps/install?app=42&state=s");
  });
});
