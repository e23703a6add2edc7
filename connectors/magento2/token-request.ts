import { exchange, isOk, type Peer } from "../kit/http-exchange";
import type { ExternalCallRecord, SourceSystem } from "../types";
import { ConnectorError } from "../types";
import { authorizationHeader, parseFormEncoded, type SignInput } from "./oauth1";

/**
 * One signed POST to an OAuth 1.0a token endpoint (Magento 2 /oauth/token/request|access, Magento 1
 * /oauth/initiate|token). The answer is form-encoded text: oauth_token=…&oauth_token_secret=…, or
 * oauth_problem=… with an error status. The tokens are never recorded, only the problem.
 */
export type TokenRequest = {
  url: string;
  sign: Omit<SignInput, "method" | "url">;
  system: Extract<SourceSystem, "magento2" | "magento1">;
  shopName: string;
  /** The system's reading of an oauth_problem (or of an error status without one). */
  problem(status: number, problem: string | undefined): ConnectorError;
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  timeoutMs?: number;
};

/** The token answer's fields, and its oauth_problem with any further details (Magento 1: &message=…, &oauth_parameters_absent=…). */
function readAnswer(text: string) {
  const html = /^\s*</.test(text);
  const fields = html ? {} : parseFormEncoded(text);
  const problem = fields.oauth_problem === undefined ? undefined : Object.entries(fields).map(([k, v]) => (k === "oauth_problem" ? v : `${k}=${v}`)).join("&");
  return { html, fields, problem };
}

export async function requestTokens(input: TokenRequest): Promise<Record<string, string> & { oauth_token: string; oauth_token_secret: string }> {
  const { url, shopName } = input;
  const peer: Peer = {
    system: input.system,
    name: shopName,
    messages: {
      timeout: (ms) => `${shopName} did not answer within ${Math.round(ms / 1000)} s (${url}).`,
      unreachable: (reason) => `${shopName} could not be reached at ${url}: ${reason}`,
    },
  };
  const authorization = authorizationHeader({ ...input.sign, method: "POST", url });
  const res = await exchange(input, peer, {
    method: "POST",
    url,
    headers: { authorization, accept: "*/*" },
    // The tokens are never recorded, only the problem.
    logResponse: (text) => {
      const { problem } = readAnswer(text);
      return problem === undefined ? "[tokens redacted]" : `oauth_problem=${problem}`;
    },
  });
  const { html, fields, problem } = readAnswer(res.text);
  if (html) {
    throw new ConnectorError("api_not_found", `${shopName} answered ${url} with a web page (HTTP ${res.status}) instead of an OAuth token. Check the shop address and that its OAuth endpoints are reachable.`, false, { status: res.status });
  }
  if (problem !== undefined || !isOk(res)) throw input.problem(res.status, problem);
  if (!fields.oauth_token || !fields.oauth_token_secret) {
    throw new ConnectorError("invalid_response", `${shopName}'s answer from ${url} has no oauth_token and oauth_token_secret.`, false, { status: res.status });
  }
  return fields as Record<string, string> & { oauth_token: string; oauth_token_secret: string };
}
