import { apiError } from "./http";
import type { RompslompState, TokenRecord } from "./state";

const invalidToken = (description: string) =>
  apiError(401, "client.authentication.invalid_token", description, {
    "WWW-Authenticate": `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`,
  });

/**
 * Bearer auth as Rompslomp (Doorkeeper) does it: 401 without a token, 401 invalid_token for an
 * unknown, expired or revoked one; a token without the endpoint's scope gets 403 invalid_scope.
 */
export function authenticate(state: RompslompState, req: Request, scope: string, now = Date.now()): { token: TokenRecord } | { response: Response } {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return { response: apiError(401, "client.authentication", "Authenticatie vereist: stuur een Bearer-token mee in de Authorization-header") };
  const token = state.oauth.tokens.find((t) => t.accessToken !== "" && t.accessToken === match[1]);
  if (!token) return { response: invalidToken("Het toegangstoken is ongeldig") };
  if (token.revoked) return { response: invalidToken("Het toegangstoken is ingetrokken") };
  if (token.expiresAt <= now) return { response: invalidToken("Het toegangstoken is verlopen") };
  if (!token.scope.split(" ").includes(scope)) {
    return { response: apiError(403, "client.authorization.invalid_scope", `Voor deze actie is de scope "${scope}" nodig`) };
  }
  return { token };
}

export const hasScope = (token: TokenRecord, scope: string) => token.scope.split(" ").includes(scope);
