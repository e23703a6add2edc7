import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { type ExternalCallRecord } from "../../types";
import { sandboxBaseUrl, sandboxOAuthApp, type RompslompCredentials } from "../config";
import { createRompslompTarget, listAccounts, listCompanies, listTemplates, listVatTypes } from "../index";
import { authorizeUrl, exchangeCode, parseCallback, refresh } from "../oauth";
import { sandboxDemoRefreshToken } from "./state";
import { APP_URL, REDIRECT_URI, admin, connectViaConsent, formFields, sandboxCtx, sandboxFetch } from "./testing";
import { SANDBOX_COMPANY_ID } from "./seed";
import { caught } from "../../testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const settings = { companyId: String(SANDBOX_COMPANY_ID) };
const oauthOpts = (tenant: string) => ({ baseUrl: sandboxBaseUrl(APP_URL, tenant), app: sandboxOAuthApp, fetch: sandboxFetch });


describe("Rompslomp sandbox OAuth2, through the real oauth and client code", () => {
  it("consent page → Allow → code → tokens → API call → refresh → revoke → oauth_revoked", async () => {
    const tenant = "oauth-flow";
    const baseUrl = sandboxBaseUrl(APP_URL, tenant);

    // The consent page: a real form, logged in as the tenant's user, showing the app and the access asked.
    const page = await sandboxFetch(authorizeUrl({ baseUrl, clientId: sandboxOAuthApp.clientId, redirectUri: REDIRECT_URI, state: "s-42" }));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("Boekkoppeling");
    expect(html).toContain("Ingelogd als <strong>Demo Gebruiker</strong>");
    expect(html).toContain("Verkoopfacturen beheren");
    expect(html).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/);

    const fields = formFields(html);
    expect(fields.get("redirect_uri")).toBe(REDIRECT_URI);
    const allow = await sandboxFetch(`${baseUrl}/oauth/authorize`, { method: "POST", body: new URLSearchParams([...fields, ["decision", "allow"]]) });
    expect(allow.status).toBe(302);
    const callback = new URL(allow.headers.get("location")!);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    const { code } = parseCallback(callback.searchParams, "s-42");

    const creds = await exchangeCode(oauthOpts(tenant), { code, redirectUri: REDIRECT_URI });
    expect(Date.parse(creds.expiresAt) - Date.now()).toBeGreaterThan(7100_000);
    // A code works once.
    expect(await caught(exchangeCode(oauthOpts(tenant), { code, redirectUri: REDIRECT_URI }))).toMatchObject({ code: "oauth_code_invalid" });

    // API call with the token.
    const persisted: RompslompCredentials[] = [];
    const calls: ExternalCallRecord[] = [];
    const target = createRompslompTarget(sandboxCtx(tenant, creds, calls), settings, { onTokens: (c) => { persisted.push(c); } });
    expect(await target.findDebtorByEmail("nobody@example.com")).toBeNull();
    expect(persisted).toHaveLength(0);

    // The server expires the access token: the 401 triggers one refresh, the call is retried and the new tokens persisted.
    expect((await admin(tenant, "POST", "expire-tokens")).status).toBe(204);
    expect(await target.findDebtorByEmail("nobody@example.com")).toBeNull();
    expect(persisted).toHaveLength(1);
    expect(persisted[0]!.refreshToken).not.toBe(creds.refreshToken);
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(["GET 200", "GET 401", "POST 200", "GET 200"]);
    expect(JSON.stringify(calls)).not.toContain(persisted[0]!.accessToken);
    expect(JSON.stringify(calls)).not.toContain(creds.refreshToken);

    // Rotation: the old refresh token is dead.
    expect(await caught(refresh(oauthOpts(tenant), creds.refreshToken))).toMatchObject({ code: "oauth_revoked", retryable: false });

    // The merchant revokes the app in Rompslomp: the connection turns red with a reconnect message.
    expect((await admin(tenant, "POST", "revoke")).status).toBe(204);
    const revoked = await caught(target.findDebtorByEmail("nobody@example.com"));
    expect(revoked).toMatchObject({ code: "oauth_revoked", retryable: false });
    expect(revoked.message).toMatch(/Reconnect Rompslomp/);
  });

  it("an expired access token is refreshed before the call, with the new tokens handed to onTokens", async () => {
    const creds = await connectViaConsent("oauth-expiry");
    const persisted: RompslompCredentials[] = [];
    const calls: ExternalCallRecord[] = [];
    const expired = { ...creds, expiresAt: new Date(Date.now() - 1000).toISOString() };
    const companies = await listCompanies(sandboxCtx("oauth-expiry", expired, calls), { onTokens: (c) => { persisted.push(c); } });
    expect(companies).toEqual([{ id: String(SANDBOX_COMPANY_ID), name: "Sandbox administratie oauth-expiry", apiAccessible: true }]);
    expect(persisted).toHaveLength(1);
    expect(calls.map((c) => c.url.replace(/^.*\/oauth-expiry/, ""))).toEqual(["/oauth/token", "/api/v1/companies?page=1&per_page=100"]);
  });

  it("concurrent calls share one refresh (a second refresh with a rotated token would be refused)", async () => {
    const creds = await connectViaConsent("oauth-concurrent");
    const persisted: RompslompCredentials[] = [];
    const target = createRompslompTarget(sandboxCtx("oauth-concurrent", { ...creds, expiresAt: "2000-01-01T00:00:00.000Z" }), settings, { onTokens: (c) => { persisted.push(c); } });
    await Promise.all([target.findDebtorByEmail("a@x.nl"), target.findProductByCode("A1"), target.findInvoiceByReference("r1")]);
    expect(persisted).toHaveLength(1);
  });

  it("separate sessions (parallel wizard drop-downs) with the same expired token refresh once", async () => {
    const creds = await connectViaConsent("oauth-wizard");
    const expired = { ...creds, expiresAt: "2000-01-01T00:00:00.000Z" };
    const calls: ExternalCallRecord[] = [];
    const ctx = () => sandboxCtx("oauth-wizard", expired, calls);
    const [vat, accounts, templates] = await Promise.all([
      listVatTypes(ctx(), {}, settings.companyId), listAccounts(ctx(), {}, settings.companyId), listTemplates(ctx(), {}, settings.companyId),
    ]);
    expect([vat.length > 0, accounts.length > 0, templates.length]).toEqual([true, true, 2]);
    expect(calls.filter((c) => c.url.endsWith("/oauth/token"))).toHaveLength(1);
  });

  it("a refresh already done elsewhere is picked up from storage instead of failing", async () => {
    const creds = await connectViaConsent("oauth-elsewhere");
    const newer = await refresh(oauthOpts("oauth-elsewhere"), creds.refreshToken); // another process refreshed
    const stale = { ...creds, expiresAt: "2000-01-01T00:00:00.000Z" };
    const target = createRompslompTarget(sandboxCtx("oauth-elsewhere", stale), settings, { reloadCredentials: async () => newer });
    expect(await target.findDebtorByEmail("a@x.nl")).toBeNull();
  });

  it("Deny redirects with access_denied; bad clients and secrets get Rompslomp's errors", async () => {
    const baseUrl = sandboxBaseUrl(APP_URL, "oauth-deny");
    const page = await sandboxFetch(authorizeUrl({ baseUrl, clientId: sandboxOAuthApp.clientId, redirectUri: REDIRECT_URI, state: "s-9" }));
    const fields = formFields(await page.text());
    fields.set("_method", "delete");
    const deny = await sandboxFetch(`${baseUrl}/oauth/authorize`, { method: "POST", body: fields });
    const params = new URL(deny.headers.get("location")!).searchParams;
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("state")).toBe("s-9");
    expect(() => parseCallback(params, "s-9")).toThrow(expect.objectContaining({ code: "oauth_denied" }));

    const unknown = await sandboxFetch(authorizeUrl({ baseUrl, clientId: "someone-else", redirectUri: REDIRECT_URI, state: "s" }));
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain("Client verificatie is mislukt");

    const wrongSecret = await caught(refresh({ ...oauthOpts("oauth-deny"), app: { ...sandboxOAuthApp, clientSecret: "nope-nope" } }, "whatever"));
    expect(wrongSecret).toMatchObject({ code: "oauth_client_invalid", retryable: false });
  });

  it("API errors look like Rompslomp's: 401 without or with a bad token", async () => {
    const url = `${sandboxBaseUrl(APP_URL, "oauth-401")}/api/v1/companies`;
    const none = await sandboxFetch(url);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { type: "client.authentication", message: expect.any(String) } });
    const bad = await sandboxFetch(url, { headers: { Authorization: "Bearer nonsense" } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.type).toBe("client.authentication.invalid_token");
    expect(bad.headers.get("www-authenticate")).toMatch(/invalid_token/);
  });

  it("a fresh tenant accepts its demo refresh token once (pre-connected demo integrations)", async () => {
    const demo = { accessToken: "", refreshToken: sandboxDemoRefreshToken("demo-x"), expiresAt: "1970-01-01T00:00:00.000Z" };
    const persisted: RompslompCredentials[] = [];
    expect(await listCompanies(sandboxCtx("demo-x", demo), { onTokens: (c) => { persisted.push(c); } })).toHaveLength(1);
    expect(persisted).toHaveLength(1);
    // Single use at the server (in this process, sessions holding it for a minute get the new tokens instead).
    expect(await caught(refresh(oauthOpts("demo-x"), demo.refreshToken))).toMatchObject({ code: "oauth_revoked" });
    expect(await listCompanies(sandboxCtx("demo-x", demo))).toHaveLength(1);
    expect(await listCompanies(sandboxCtx("demo-x", persisted[0]))).toHaveLength(1);
  });
});
