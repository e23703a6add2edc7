import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { randomToken } from "../../magento2/sandbox/credentials";
import { parseAuthorizationHeader, verifySignature } from "../../magento2/oauth1";
import { escapeHtml, formText, html } from "./http";
import type { Consumer, Magento1State, Token } from "./state";

/**
 * Magento 1's OAuth 1.0a server (Mage_Oauth_Model_Server): the same checks in the same order and
 * its problem codes, for the three legs (/oauth/initiate, /admin/oauth_authorize, /oauth/token) and
 * for REST requests. RSA-SHA1 is listed as supported, as in Magento, but no key is ever registered,
 * so an RSA signature never verifies.
 */
const NAMES: Record<number, string> = {
  1: "version_rejected", 2: "parameter_absent", 3: "parameter_rejected", 4: "timestamp_refused", 5: "nonce_used", 6: "signature_method_rejected",
  7: "signature_invalid", 8: "consumer_key_rejected", 9: "token_used", 10: "token_expired", 11: "token_revoked", 12: "token_rejected", 13: "verifier_invalid",
};
const BAD_REQUEST = new Set([1, 2, 3, 4, 6]);

export class OAuthProblem {
  constructor(readonly code: number, readonly detail = "") {}
  get status(): number {
    return BAD_REQUEST.has(this.code) ? 400 : 401;
  }
  /** Mage_Oauth_Model_Server::reportProblem. */
  get report(): string {
    const extra = this.code === 2 ? `&oauth_parameters_absent=${this.detail}` : this.detail ? `&message=${this.detail}` : "";
    return `oauth_problem=${NAMES[this.code]}${extra}`;
  }
}

const TIME_DEVIATION_S = 600;
const METHODS = ["RSA-SHA1", "HMAC-SHA1", "PLAINTEXT"];
const usedNonces = new Map<string, Set<string>>();

type RequestType = "initiate" | "token" | "resource";

/** _processRequest: parameters, consumer, token, signature. Returns who asks; throws OAuthProblem. */
export function processRequest(ctx: SandboxContext<Magento1State>, state: Magento1State, type: RequestType): { consumer: Consumer; token?: Token; params: Record<string, string> } {
  const params = parseAuthorizationHeader(ctx.req.headers.get("authorization")) ?? {};
  if (params.oauth_version !== undefined && params.oauth_version !== "1.0") throw new OAuthProblem(1);
  for (const name of ["oauth_consumer_key", "oauth_signature_method", "oauth_signature"]) if (!params[name]) throw new OAuthProblem(2, name);
  if (params.oauth_consumer_key!.length !== 32) throw new OAuthProblem(8);
  if (!METHODS.includes(params.oauth_signature_method!)) throw new OAuthProblem(6);
  if (params.oauth_signature_method !== "PLAINTEXT") {
    if (!params.oauth_nonce) throw new OAuthProblem(2, "oauth_nonce");
    if (!params.oauth_timestamp) throw new OAuthProblem(2, "oauth_timestamp");
    const ts = Number.parseInt(params.oauth_timestamp, 10);
    if (!(ts > 0) || ts > Date.now() / 1000 + TIME_DEVIATION_S) throw new OAuthProblem(4);
    const used = usedNonces.get(ctx.tenant) ?? new Set<string>();
    const key = `${params.oauth_nonce}|${ts}`;
    if (used.has(key)) throw new OAuthProblem(5);
    if (used.size > 10_000) used.clear();
    used.add(key);
    usedNonces.set(ctx.tenant, used);
  }
  const consumer = state.consumers.find((c) => c.key === params.oauth_consumer_key);
  if (!consumer) throw new OAuthProblem(8);

  let token: Token | undefined;
  if (type === "initiate") {
    const callback = params.oauth_callback;
    if (callback === undefined) throw new OAuthProblem(2, "oauth_callback");
    const whitelisted = consumer.callbackUrl && callback.startsWith(consumer.callbackUrl);
    if (!whitelisted && callback !== "oob" && !/^https?:\/\/[^\s/]+/i.test(callback)) throw new OAuthProblem(3, "oauth_callback");
  } else {
    if (!params.oauth_token) throw new OAuthProblem(2, "oauth_token");
    if (params.oauth_token.length !== 32) throw new OAuthProblem(12);
    token = state.tokens.find((t) => t.token === params.oauth_token);
    if (!token) throw new OAuthProblem(12);
    if (type === "token") {
      if (!params.oauth_verifier) throw new OAuthProblem(2, "oauth_verifier");
      if (params.oauth_verifier.length !== 32 || token.verifier !== params.oauth_verifier) throw new OAuthProblem(13);
      if (token.consumerId !== consumer.id) throw new OAuthProblem(12);
      if (token.type !== "request") throw new OAuthProblem(9);
    } else {
      if (token.type !== "access") throw new OAuthProblem(12);
      if (token.revoked) throw new OAuthProblem(11);
      if (token.consumerId !== consumer.id) throw new OAuthProblem(12);
    }
  }
  const verified = params.oauth_signature_method !== "RSA-SHA1" && verifySignature({ method: ctx.req.method, url: ctx.req.url, params, consumerSecret: consumer.secret, tokenSecret: token?.secret ?? "" });
  if (!verified) throw new OAuthProblem(7);
  return { consumer, token, params };
}

async function answer(run: () => Promise<string>): Promise<Response> {
  try {
    return formText(await run());
  } catch (err) {
    if (err instanceof OAuthProblem) return formText(err.report, err.status);
    throw err;
  }
}

/** POST /oauth/initiate: a request token remembering the callback. */
export const initiate = (ctx: SandboxContext<Magento1State>) =>
  answer(() =>
    ctx.update((state) => {
      const { consumer, params } = processRequest(ctx, state, "initiate");
      const callbackUrl = params.oauth_callback === "oob" && consumer.callbackUrl ? consumer.callbackUrl : params.oauth_callback!;
      const token: Token = { id: state.seq.token++, consumerId: consumer.id, type: "request", token: randomToken(), secret: randomToken(), callbackUrl, authorized: false, revoked: false };
      state.tokens.push(token);
      return `oauth_token=${token.token}&oauth_token_secret=${token.secret}&oauth_callback_confirmed=true`;
    }),
  );

/** POST /oauth/token: an authorized request token and its verifier become the access token. */
export const exchange = (ctx: SandboxContext<Magento1State>) =>
  answer(() =>
    ctx.update((state) => {
      const { token } = processRequest(ctx, state, "token");
      Object.assign(token!, { type: "access", token: randomToken(), secret: randomToken() });
      return `oauth_token=${token!.token}&oauth_token_secret=${token!.secret}`;
    }),
  );

/**
 * /admin/oauth_authorize (the admin's browser, already logged in as "admin"): the authorize page,
 * then `confirm` (redirect to the callback with oauth_token and oauth_verifier) or `reject`
 * (redirect to the consumer's rejected callback URL, or the callback, with rejected=1).
 */
export async function authorize(ctx: SandboxContext<Magento1State>, action: string | undefined): Promise<Response> {
  const form = ctx.req.method === "POST" ? new URLSearchParams(await ctx.req.text()) : new URLSearchParams();
  const tokenValue = ctx.url.searchParams.get("oauth_token") ?? form.get("oauth_token") ?? "";
  const state = await ctx.read();
  const token = state.tokens.find((t) => t.token === tokenValue && t.type === "request");
  if (!token || token.authorized) return html("Authorize application", "<p>An error occurred. Your authorization request is invalid.</p>", 400);
  const consumer = state.consumers.find((c) => c.id === token.consumerId)!;
  const self = `${ctx.baseUrl}/admin/oauth_authorize`;
  if (!action) {
    const button = (to: string, label: string) => `<form method="post" action="${self}/${to}" style="display:inline"><input type="hidden" name="oauth_token" value="${escapeHtml(token.token)}"><button>${label}</button></form> `;
    return html("Authorize application", `<p><strong>${escapeHtml(consumer.name)}</strong> requests access to your account (logged in as admin).</p><p>${button("confirm", "Authorize")}${button("reject", "Reject")}</p>`);
  }
  if (action === "confirm") {
    const verifier = await ctx.update((s) => {
      const t = s.tokens.find((x) => x.id === token.id)!;
      t.authorized = true;
      t.verifier = randomToken();
      return t.verifier;
    });
    if (token.callbackUrl === "oob") return html("Authorization confirmed", `<p>Verifier: <code id="verifier">${verifier}</code></p>`);
    return Response.redirect(withQuery(token.callbackUrl, `oauth_token=${token.token}&oauth_verifier=${verifier}`), 302);
  }
  if (action === "reject") {
    const target = consumer.rejectedCallbackUrl || token.callbackUrl;
    if (target === "oob") return html("Authorization rejected", "<p>The application access request is rejected.</p>");
    return Response.redirect(withQuery(target, `oauth_token=${token.token}&rejected=1`), 302);
  }
  return html("Authorize application", "<p>Unknown action.</p>", 404);
}

const withQuery = (url: string, query: string) => `${url}${url.includes("?") ? "&" : "?"}${query}`;
