import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { createCcvClient } from "./client";
import { markAppInstalled, verifyHandshake, verifyInstallRedirect, verifyUninstall } from "./install";
import { appStoreHash } from "./signing";

const appSecret = "app-secret-from-the-developer-app-center";
const handshakeUrl = "https://app.example/api/ccvshop/handshake";
const installUrl = "https://app.example/install/ccvshop";
// As logged from a real shop: PHP's json_encode escapes slashes, keys contain ! ^ * - _.
const rawBody = String.raw`{"api_public":"9Ucv7WmH-dVy8CRTkltphNE0EaYCpgjD","api_secret":"0O0gC^f6JaOsw*NQNcSA7k__Tv4k4sup","api_root":"https:\/\/demo.ccvshop.nl","return_url":"https:\/\/demo.ccvshop.nl\/onderhoud\/AdminItems\/AppStore\/AppStore.Return.php?Id=12970"}`;

const error = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return e as ConnectorError; } };

describe("verifyHandshake", () => {
  it("checks x-hash = HMAC-SHA512(app secret, handshake URL|raw body) and returns the credentials", () => {
    const result = verifyHandshake({ handshakeUrl, rawBody, hash: appStoreHash(appSecret, handshakeUrl, rawBody), appSecret });
    expect(result).toEqual({
      credentials: { publicKey: "9Ucv7WmH-dVy8CRTkltphNE0EaYCpgjD", secretKey: "0O0gC^f6JaOsw*NQNcSA7k__Tv4k4sup" },
      baseUrl: "https://demo.ccvshop.nl",
      returnUrl: "https://demo.ccvshop.nl/onderhoud/AdminItems/AppStore/AppStore.Return.php?Id=12970",
    });
  });

  it("refuses a wrong hash, another URL, a re-encoded body", () => {
    const good = appStoreHash(appSecret, handshakeUrl, rawBody);
    expect(error(() => verifyHandshake({ handshakeUrl, rawBody, hash: appStoreHash("other", handshakeUrl, rawBody), appSecret }))).toMatchObject({ code: "invalid_signature", retryable: false });
    expect(error(() => verifyHandshake({ handshakeUrl: `${handshakeUrl}/`, rawBody, hash: good, appSecret }))).toMatchObject({ code: "invalid_signature" });
    expect(error(() => verifyHandshake({ handshakeUrl, rawBody: JSON.stringify(JSON.parse(rawBody)), hash: good, appSecret }))).toMatchObject({ code: "invalid_signature" });
    expect(error(() => verifyHandshake({ handshakeUrl, rawBody, hash: undefined, appSecret }))).toMatchObject({ code: "invalid_signature" });
  });

  it("refuses a signed body without the credentials", () => {
    const body = JSON.stringify({ api_public: "x" });
    expect(error(() => verifyHandshake({ handshakeUrl, rawBody: body, hash: appStoreHash(appSecret, handshakeUrl, body), appSecret }))).toMatchObject({ code: "invalid_payload" });
  });
});

describe("verifyInstallRedirect", () => {
  it("checks x-hash = HMAC-SHA512(app secret, install URL|api_public) from the query", () => {
    const apiPublic = "9Ucv7WmH-dVy8CRTkltphNE0EaYCpgjD!^*";
    const url = new URL(installUrl);
    url.searchParams.set("api_public", apiPublic);
    url.searchParams.set("language", "en");
    url.searchParams.set("x-hash", appStoreHash(appSecret, installUrl, apiPublic));
    expect(verifyInstallRedirect({ installUrl, requestUrl: url, appSecret })).toEqual({ apiPublic, language: "en" });
    url.searchParams.set("api_public", "someone-else");
    expect(error(() => verifyInstallRedirect({ installUrl, requestUrl: url, appSecret }))).toMatchObject({ code: "invalid_signature" });
    expect(error(() => verifyInstallRedirect({ installUrl, requestUrl: installUrl, appSecret }))).toMatchObject({ code: "invalid_payload" });
  });
});

describe("verifyUninstall", () => {
  it("checks the hash over uninstall URL|raw body and returns api_public", () => {
    const uninstallUrl = "https://app.example/api/ccvshop/uninstall";
    const body = '{"api_public":"pk"}';
    expect(verifyUninstall({ uninstallUrl, rawBody: body, hash: appStoreHash(appSecret, uninstallUrl, body), appSecret })).toEqual({ apiPublic: "pk" });
    expect(error(() => verifyUninstall({ uninstallUrl, rawBody: body, hash: "00", appSecret }))).toMatchObject({ code: "invalid_signature" });
  });
});

describe("markAppInstalled", () => {
  it("GETs /apps (exactly one) and PATCHes is_installed", async () => {
    const calls: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname} ${init?.body ?? ""}`.trim());
      return init?.method === "PATCH" ? new Response(null, { status: 204 }) : Response.json({ next: null, items: [{ id: 12970, is_installed: false }] });
    }) as typeof fetch;
    const client = createCcvClient({ baseUrl: "https://demo.ccvshop.nl", credentials: { publicKey: "p", secretKey: "s" }, fetch: fetchFn }, { throttle: false });
    expect(await markAppInstalled(client)).toEqual({ appId: "12970" });
    expect(calls).toEqual(["GET /api/rest/v1/apps", 'PATCH /api/rest/v1/apps/12970 {"is_installed":true}']);
  });
});
