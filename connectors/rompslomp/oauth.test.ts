import { describe, expect, it } from "vitest";
import { type ExternalCallRecord } from "../types";
import { authorizeUrl, exchangeCode, needsRefresh, parseCallback, refresh } from "./oauth";
import { caught } from "../testing";

const app = { clientId: "client-123", clientSecret: "s3cr3t-client-secret" };
const NOW = Date.parse("2024-03-02T10:00:00Z");

function tokenServer(answer: (form: URLSearchParams) => Response) {
  const calls: ExternalCallRecord[] = [];
  const forms: URLSearchParams[] = [];
  const fetchImpl = (async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    const form = new URLSearchParams(String(init.body));
    forms.push(form);
    return answer(form);
  }) as typeof fetch;
  const opts = { baseUrl: "https://api.rompslomp.nl", app, fetch: fetchImpl, onCall: (c: ExternalCallRecord) => calls.push(c), now: () => NOW };
  return { opts, calls, forms };
}

const tokens = () => Response.json({ access_token: "AT-new-0123456789", token_type: "Bearer", expires_in: 7200, refresh_token: "RT-new-0123456789", scope: "public", created_at: 1709373600 });


describe("Rompslomp OAuth2", () => {
  it("builds the authorize URL with code flow, our scopes and state", () => {
    const url = new URL(authorizeUrl({ baseUrl: "http://localhost:3000/sandbox/rompslomp/acme/", clientId: "c1", redirectUri: "http://localhost:3000/api/oauth/rompslomp/callback", state: "xyz" }));
    expect(url.origin + url.pathname).toBe("http://localhost:3000/sandbox/rompslomp/acme/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "c1",
      redirect_uri: "http://localhost:3000/api/oauth/rompslomp/callback",
      response_type: "code",
      scope: "public manage:contacts manage:products manage:sales_invoices manage:payments read:accounts",
      state: "xyz",
    });
  });

  it("reads the callback: code, refusal, state mismatch", () => {
    expect(parseCallback(new URLSearchParams("code=abc&state=s1"), "s1")).toEqual({ code: "abc" });
    expect(() => parseCallback(new URLSearchParams("error=access_denied&state=s1"), "s1")).toThrow(expect.objectContaining({ code: "oauth_denied" }));
    expect(() => parseCallback(new URLSearchParams("code=abc&state=other"), "s1")).toThrow(expect.objectContaining({ code: "oauth_state_mismatch" }));
  });

  it("exchanges a code (form-encoded, client credentials, same redirect_uri) into credentials with an expiry", async () => {
    const { opts, forms } = tokenServer(tokens);
    const creds = await exchangeCode(opts, { code: "the-code-1234", redirectUri: "https://app/cb" });
    expect(creds).toEqual({ accessToken: "AT-new-0123456789", refreshToken: "RT-new-0123456789", expiresAt: "2024-03-02T12:00:00.000Z" });
    expect(Object.fromEntries(forms[0]!)).toEqual({ grant_type: "authorization_code", code: "the-code-1234", redirect_uri: "https://app/cb", client_id: "client-123", client_secret: "s3cr3t-client-secret" });
  });

  it("refreshes with the refresh token", async () => {
    const { opts, forms } = tokenServer(tokens);
    expect((await refresh(opts, "RT-old-987654321")).refreshToken).toBe("RT-new-0123456789");
    expect(forms[0]!.get("grant_type")).toBe("refresh_token");
    expect(forms[0]!.get("refresh_token")).toBe("RT-old-987654321");
  });

  it("a refused refresh (invalid_grant) is oauth_revoked: permanent, telling the merchant to reconnect", async () => {
    const { opts } = tokenServer(() => Response.json({ error: "invalid_grant", error_description: "De verstrekte autorisatiemachtiging is ongeldig" }, { status: 400 }));
    const e = await caught(refresh(opts, "RT-old-987654321"));
    expect(e).toMatchObject({ code: "oauth_revoked", retryable: false });
    expect(e.message).toMatch(/Reconnect Rompslomp/);
    expect(await caught(exchangeCode(opts, { code: "used-code-1234", redirectUri: "x" }))).toMatchObject({ code: "oauth_code_invalid", retryable: false });
  });

  it("client misconfiguration, rate limits and outages", async () => {
    expect(await caught(refresh(tokenServer(() => Response.json({ error: "invalid_client" }, { status: 401 })).opts, "rt-rt-rt"))).toMatchObject({ code: "oauth_client_invalid", retryable: false });
    expect(await caught(refresh(tokenServer(() => new Response("", { status: 429, headers: { "Retry-After": "3" } })).opts, "rt-rt-rt"))).toMatchObject({ code: "rate_limited", retryable: true, detail: { retryAfterMs: 3000 } });
    expect(await caught(refresh(tokenServer(() => new Response("Bad gateway", { status: 502 })).opts, "rt-rt-rt"))).toMatchObject({ code: "server_error", retryable: true });
  });

  it("never logs secrets: client secret, code, refresh and access tokens are redacted", async () => {
    const { opts, calls } = tokenServer(tokens);
    await exchangeCode(opts, { code: "the-code-1234", redirectUri: "https://app/cb" });
    await refresh(opts, "RT-old-987654321");
    const logged = JSON.stringify(calls);
    for (const secret of ["s3cr3t-client-secret", "the-code-1234", "RT-old-987654321", "AT-new-0123456789", "RT-new-0123456789"]) expect(logged).not.toContain(secret);
    expect(calls[0]!.requestBody).toContain("grant_type=authorization_code");
    expect(calls[0]!.responseBody).toContain('"expires_in":7200');
  });

  it("refreshes ahead of expiry, with a margin", () => {
    const at = (iso: string) => ({ accessToken: "a", expiresAt: iso });
    expect(needsRefresh(at("2024-03-02T12:00:00.000Z"), NOW)).toBe(false);
    expect(needsRefresh(at("2024-03-02T10:04:00.000Z"), NOW)).toBe(true); // inside the 5-minute margin
    expect(needsRefresh(at("2024-03-02T09:00:00.000Z"), NOW)).toBe(true);
    expect(needsRefresh({ accessToken: "", expiresAt: "2099-01-01T00:00:00.000Z" }, NOW)).toBe(true);
  });
});
