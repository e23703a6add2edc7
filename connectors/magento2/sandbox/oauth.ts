import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { parseAuthorizationHeader, signatureMethods, verifySignature } from "../oauth1";
import { randomToken } from "./credentials";
import { formText, magentoError } from "./http";
import type { Integration, Magento2State } from "./state";

/**
 * Magento 2's OAuth 1.0a server (Framework\Oauth\Oauth, Integration\Model\Oauth\Token\Provider):
 * the same checks in the same order, with Magento's messages. A failure is an OAuthProblem:
 * 401 for Oauth\Exception, 400 for OauthInputException; REST answers it as {"message", "parameters"},
 * the token endpoints as oauth_problem=… text.
 */
export class OAuthProblem {
  constructor(readonly status: 400 | 401, readonly message: string, readonly parameters?: unknown[] | Record<string, unknown>) {}
  rendered(): string {
    const p = this.parameters;
    if (!p) return this.message;
    return this.message.replace(/%(\w+)/g, (whole, name: string) => String((Array.isArray(p) ? p[Number(name) - 1] : p[name]) ?? whole));
  }
}

const TIME_DEVIATION_S = 600;
const SIGNATURE_METHODS = ["HMAC-SHA1", "HMAC-SHA256"]; // Oauth::getSupportedSignatureMethods()

/** Used nonces per tenant and consumer, kept in memory (Magento keeps them in oauth_nonce). */
const nonces = new Map<string, Set<string>>();

function useNonce(tenant: string, integration: Integration, nonce: string, timestamp: string): void {
  const ts = Number.parseInt(timestamp, 10);
  if (!(ts > 0) || ts > Date.now() / 1000 + TIME_DEVIATION_S) throw new OAuthProblem(401, "Incorrect timestamp value in the oauth_timestamp parameter");
  const key = `${tenant}/${integration.consumerKey}`;
  const used = nonces.get(key) ?? new Set<string>();
  if (used.has(nonce)) throw new OAuthProblem(401, "The nonce is already being used by the consumer with ID %1", [String(integration.id)]);
  if (used.size > 10_000) used.clear();
  used.add(nonce);
  nonces.set(key, used);
}

/** _validateProtocolParams + getConsumerByKey: what every OAuth request must carry. */
function protocol(tenant: string, state: Magento2State, params: Record<string, string>, required: string[]): Integration {
  if (params.oauth_version !== undefined && params.oauth_version !== "1.0") throw new OAuthProblem(400, 'The "%1" Oauth version isn\'t supported.', [params.oauth_version]);
  const missing = required.find((name) => params[name] === undefined);
  if (missing) throw new OAuthProblem(400, '"%fieldName" is required. Enter and try again.', { fieldName: missing });
  if (params.oauth_token !== undefined && params.oauth_token.length !== 32) throw new OAuthProblem(400, "The token length is invalid. Check the length and try again.");
  if (!SIGNATURE_METHODS.includes(params.oauth_signature_method!)) throw new OAuthProblem(400, "Signature method %1 is not supported", [params.oauth_signature_method]);
  const integration = consumerByKey(state, params.oauth_consumer_key!);
  useNonce(tenant, integration, params.oauth_nonce!, params.oauth_timestamp!);
  return integration;
}

function consumerByKey(state: Magento2State, key: string): Integration {
  if (key.length !== 32) throw new OAuthProblem(401, "Consumer key is not the correct length");
  const integration = state.integrations.find((i) => i.consumerKey === key);
  if (!integration) throw new OAuthProblem(401, "A consumer having the specified key does not exist");
  return integration;
}

function checkSignature(req: Request, params: Record<string, string>, consumerSecret: string, tokenSecret?: string): void {
  if (!signatureMethods.includes(params.oauth_signature_method as never) || !verifySignature({ method: req.method, url: req.url, params, consumerSecret, tokenSecret })) {
    throw new OAuthProblem(401, "The signature is invalid. Verify and try again.");
  }
}

const BASE_REQUIRED = ["oauth_consumer_key", "oauth_signature", "oauth_signature_method", "oauth_nonce", "oauth_timestamp"];

/**
 * Who a REST request is: the active integration, or null when the request carries no usable
 * credentials (Magento then answers with its ACL error). Throws OAuthProblem for a bad OAuth request.
 */
export function restCaller(ctx: SandboxContext<Magento2State>, state: Magento2State): Integration | null {
  const header = ctx.req.headers.get("authorization");
  const bearer = /^Bearer\s+(\S+)/i.exec(header ?? "")?.[1];
  if (bearer) {
    if (!state.options.bearerTokens) return null;
    return state.integrations.find((i) => i.status === "active" && i.token?.type === "access" && !i.token.revoked && i.token.token === bearer) ?? null;
  }
  const params = parseAuthorizationHeader(header);
  if (!params) return null;
  const integration = protocol(ctx.tenant, state, params, [...BASE_REQUIRED, "oauth_token"]);
  const token = integration.token;
  if (!state.integrations.some((i) => i.token?.token === params.oauth_token)) throw new OAuthProblem(401, "Specified token does not exist");
  if (!token || token.token !== params.oauth_token) throw new OAuthProblem(401, "Token is not associated with the specified consumer");
  if (token.type !== "access") throw new OAuthProblem(401, "Token is not an access token");
  if (token.revoked) throw new OAuthProblem(401, "Access token has been revoked");
  checkSignature(ctx.req, params, integration.consumerSecret, token.secret);
  return integration.status === "active" ? integration : null;
}

/** POST /oauth/token/request: the consumer (within its expiry) gets a request token. */
export async function requestToken(ctx: SandboxContext<Magento2State>): Promise<Response> {
  if (ctx.req.method !== "POST") return formText({ oauth_problem: "Method not allowed" }, 405);
  return answer(() =>
    ctx.update((state) => {
      const params = parseAuthorizationHeader(ctx.req.headers.get("authorization")) ?? {};
      const integration = protocol(ctx.tenant, state, params, BASE_REQUIRED);
      const expiresAt = Date.parse(integration.activatedAt ?? "") + state.options.consumerKeyExpirySeconds * 1000;
      if (!integration.activatedAt || Date.now() > expiresAt) throw new OAuthProblem(401, "Consumer key has expired");
      checkSignature(ctx.req, params, integration.consumerSecret);
      if (integration.token?.type !== "verifier") throw new OAuthProblem(401, "Cannot create request token because consumer token is not a verifier token");
      integration.token = { ...integration.token, type: "request", token: randomToken(), secret: randomToken() };
      return { oauth_token: integration.token.token, oauth_token_secret: integration.token.secret };
    }),
  );
}

/** POST /oauth/token/access: the request token and verifier become the access token; the integration turns Active. */
export async function accessToken(ctx: SandboxContext<Magento2State>): Promise<Response> {
  if (ctx.req.method !== "POST") return formText({ oauth_problem: "Method not allowed" }, 405);
  return answer(() =>
    ctx.update((state) => {
      const params = parseAuthorizationHeader(ctx.req.headers.get("authorization")) ?? {};
      const integration = protocol(ctx.tenant, state, params, [...BASE_REQUIRED, "oauth_token", "oauth_verifier"]);
      const token = integration.token;
      if (!state.integrations.some((i) => i.token?.token === params.oauth_token)) throw new OAuthProblem(401, "Specified token does not exist");
      if (!token || token.token !== params.oauth_token) throw new OAuthProblem(401, "Request token is not associated with the specified consumer");
      if (token.type !== "request") throw new OAuthProblem(401, "Token is already being used");
      if (params.oauth_verifier!.length !== 32) throw new OAuthProblem(401, "Verifier is not the correct length");
      if (params.oauth_verifier !== token.verifier) throw new OAuthProblem(401, "Token verifier and verifier token do not match");
      checkSignature(ctx.req, params, integration.consumerSecret, token.secret);
      integration.token = { ...token, type: "access", token: randomToken(), secret: randomToken() };
      integration.status = "active";
      return { oauth_token: integration.token.token, oauth_token_secret: integration.token.secret };
    }),
  );
}

async function answer(run: () => Promise<Record<string, string>>): Promise<Response> {
  try {
    return formText(await run());
  } catch (err) {
    if (err instanceof OAuthProblem) return formText({ oauth_problem: err.rendered() }, err.status);
    throw err;
  }
}

/** An OAuthProblem as the REST API answers it. */
export const restProblem = (problem: OAuthProblem) => magentoError(problem.status, problem.message, problem.parameters);
