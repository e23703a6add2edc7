import { randomBytes, timingSafeEqual } from "node:crypto";
import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { sandboxOAuthApp } from "../config";
import { consentPage, errorPage, html, type ConsentRequest } from "./consent-page";
import { ALL_SCOPES } from "./seed";
import type { RompslompState } from "./state";

/**
 * Rompslomp's OAuth2 server (Doorkeeper): consent page, authorization codes (10 minutes, single
 * use), access tokens of 2 hours and rotating refresh tokens. Error texts are Doorkeeper's Dutch ones.
 */

const CODE_TTL_MS = 10 * 60_000;
const PRUNE_AFTER_MS = 7 * 24 * 3600_000; // revoked tokens are forgotten after a week (answer: invalid_grant either way)
export const ACCESS_TOKEN_TTL_S = 7200;
const CLIENTS = [{ ...sandboxOAuthApp, name: "Boekkoppeling" }];

const ERRORS = {
  invalid_request: "Het verzoek mist een vereiste parameter, bevat een niet-ondersteunde parameter waarde of is anderszins onjuist.",
  invalid_client: "Client verificatie is mislukt door onbekende klant, geen client authenticatie opgegeven, of een niet-ondersteunde authenticatie methode.",
  invalid_grant: "De verstrekte autorisatiemachtiging is ongeldig, verlopen, ingetrokken, komt niet overeen met de redirect URI die in het autorisatieverzoek gebruikt is, of is uitgegeven aan een andere client.",
  unsupported_grant_type: "Het type autorisatietoekenning wordt niet ondersteund door de autorisatieserver.",
  access_denied: "De eigenaar van de bron of autorisatieserver heeft het verzoek geweigerd.",
  invalid_scope: "De opgevraagde scope is ongeldig, onbekend of verkeerd geformuleerd.",
  unsupported_response_type: "De autorisatieserver ondersteunt dit response type niet.",
} as const;

type OAuthErrorCode = keyof typeof ERRORS;

const token = () => randomBytes(32).toString("base64url");
const tokenError = (status: number, error: OAuthErrorCode) =>
  Response.json({ error, error_description: ERRORS[error] }, { status, headers: { "Cache-Control": "no-store" } });

const isHttpUrl = (value: string) => {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
};

function redirect(redirectUri: string, params: Record<string, string>): Response {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v) target.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { Location: target.toString() } });
}

/** Validates an authorization request; the client and redirect URI must be right before we may redirect at all. */
function checkRequest(r: ConsentRequest): Response | undefined {
  if (!CLIENTS.some((c) => c.clientId === r.clientId)) return html(errorPage("invalid_client", ERRORS.invalid_client), 401);
  if (!r.redirectUri || !isHttpUrl(r.redirectUri)) return html(errorPage("invalid_redirect_uri", "De opgegeven redirect URI is ongeldig."), 400);
  if (r.responseType !== "code") return redirect(r.redirectUri, { error: "unsupported_response_type", error_description: ERRORS.unsupported_response_type, state: r.state });
  if (r.scope.split(" ").some((s) => !(ALL_SCOPES as readonly string[]).includes(s))) {
    return redirect(r.redirectUri, { error: "invalid_scope", error_description: ERRORS.invalid_scope, state: r.state });
  }
  return undefined;
}

const requestFrom = (get: (k: string) => string | null): ConsentRequest => ({
  clientId: get("client_id") ?? "",
  redirectUri: get("redirect_uri") ?? "",
  state: get("state") ?? "",
  scope: (get("scope") ?? "").trim().replace(/\s+/g, " ") || "public",
  responseType: get("response_type") ?? "",
});

export async function authorizePage(ctx: SandboxContext<RompslompState>): Promise<Response> {
  const request = requestFrom((k) => ctx.url.searchParams.get(k));
  const invalid = checkRequest(request);
  if (invalid) return invalid;
  const state = await ctx.read();
  const appName = CLIENTS.find((c) => c.clientId === request.clientId)?.name ?? request.clientId;
  return html(consentPage({ appName, user: state.user, companyName: state.company.name, request }));
}

/** The consent form's answer: Allow → code; Deny (`_method=delete`, as Rails forms send it) → access_denied. */
export async function authorizeDecision(ctx: SandboxContext<RompslompState>): Promise<Response> {
  const form = new URLSearchParams(await ctx.req.text());
  const request = requestFrom((k) => form.get(k));
  const invalid = checkRequest(request);
  if (invalid) return invalid;
  if (form.get("_method")?.toLowerCase() === "delete" || form.get("decision") === "deny") {
    return redirect(request.redirectUri, { error: "access_denied", error_description: ERRORS.access_denied, state: request.state });
  }
  const code = token();
  await ctx.update((s) => {
    s.oauth.codes = s.oauth.codes.filter((c) => !c.used && c.expiresAt > Date.now());
    s.oauth.codes.push({ code, clientId: request.clientId, redirectUri: request.redirectUri, scope: request.scope, expiresAt: Date.now() + CODE_TTL_MS, used: false });
  });
  return redirect(request.redirectUri, { code, state: request.state });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client authentication: client_id/client_secret in the body, or HTTP Basic. */
function authenticateClient(req: Request, form: URLSearchParams): string | undefined {
  let id = form.get("client_id") ?? "";
  let secret = form.get("client_secret") ?? "";
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (basic?.[1]) {
    const [u, p] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    id = decodeURIComponent(u ?? "");
    secret = decodeURIComponent(p ?? "");
  }
  const client = CLIENTS.find((c) => c.clientId === id);
  return client && sameSecret(client.clientSecret, secret) ? client.clientId : undefined;
}

async function readForm(req: Request): Promise<URLSearchParams> {
  const text = await req.text();
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      return new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

export async function tokenEndpoint(ctx: SandboxContext<RompslompState>): Promise<Response> {
  const form = await readForm(ctx.req);
  const grantType = form.get("grant_type");
  if (!grantType) return tokenError(400, "invalid_request");
  const clientId = authenticateClient(ctx.req, form);
  if (!clientId) return tokenError(401, "invalid_client");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") return tokenError(400, "unsupported_grant_type");
  const presented = grantType === "authorization_code" ? form.get("code") : form.get("refresh_token");
  if (!presented) return tokenError(400, "invalid_request");

  return ctx.update((s) => {
    const now = Date.now();
    let scope: string;
    if (grantType === "authorization_code") {
      const code = s.oauth.codes.find((c) => c.code === presented);
      if (!code || code.used || code.expiresAt <= now || code.clientId !== clientId || code.redirectUri !== form.get("redirect_uri")) {
        return tokenError(400, "invalid_grant");
      }
      code.used = true;
      scope = code.scope;
    } else {
      const previous = s.oauth.tokens.find((t) => t.refreshToken === presented);
      if (!previous || previous.revoked) return tokenError(400, "invalid_grant");
      previous.revoked = true; // rotation: the old refresh token and its access token stop working
      scope = previous.scope;
    }
    s.oauth.tokens = s.oauth.tokens.filter((t) => !t.revoked || now - t.createdAt < PRUNE_AFTER_MS);
    const issued = { accessToken: token(), refreshToken: token(), scope, createdAt: now, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000, revoked: false };
    s.oauth.tokens.push(issued);
    return Response.json(
      { access_token: issued.accessToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_TTL_S, refresh_token: issued.refreshToken, scope, created_at: Math.floor(now / 1000) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

/** Test hook `_admin/revoke`: the merchant revoked the app in Rompslomp; every token and unused code dies. */
export function revokeAll(state: RompslompState): void {
  for (const t of state.oauth.tokens) t.revoked = true;
  for (const c of state.oauth.codes) c.used = true;
}

/** Test hook `_admin/expire-tokens`: every access token is past its 2 hours (refresh tokens still work). */
export function expireAll(state: RompslompState): void {
  for (const t of state.oauth.tokens) t.expiresAt = Math.min(t.expiresAt, Date.now() - 1);
}
