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

export async function requestTokens(input: TokenRequest): Promise<Record<string, string> & { oauth_token: string; oauth_token_secret: string }> {
  const { url, shopName } = input;
  const doFetch = input.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = input.timeoutMs ?? 30_000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = performance.now();
  const record = (extra: Partial<ExternalCallRecord>) => input.onCall?.({ system: input.system, method: "POST", url, durationMs: performance.now() - started, ...extra });
  let res: Response;
  let text: string;
  try {
    const authorization = authorizationHeader({ ...input.sign, method: "POST", url });
    res = await doFetch(url, { method: "POST", headers: { authorization, accept: "*/*" }, signal: controller.signal });
    text = await res.text();
  } catch (err) {
    const timedOut = controller.signal.aborted;
    const message = timedOut ? `${shopName} did not answer within ${Math.round(timeoutMs / 1000)} s (${url}).` : `${shopName} could not be reached at ${url}: ${(err as Error).message}`;
    record({ error: message });
    throw new ConnectorError(timedOut ? "timeout" : "network", message, true);
  } finally {
    clearTimeout(timer);
  }
  const html = /^\s*</.test(text);
  const fields = html ? {} : parseFormEncoded(text);
  // A problem may carry details in further fields (Magento 1: &message=…, &oauth_parameters_absent=…).
  const problem = fields.oauth_problem === undefined ? undefined : Object.entries(fields).map(([k, v]) => (k === "oauth_problem" ? v : `${k}=${v}`)).join("&");
  record({ status: res.status, responseBody: problem === undefined ? "[tokens redacted]" : `oauth_problem=${problem}` });
  if (html) {
    throw new ConnectorError("api_not_found", `${shopName} answered ${url} with a web page (HTTP ${res.status}) instead of an OAuth token. Check the shop address and that its OAuth endpoints are reachable.`, false, { status: res.status });
  }
  if (problem !== undefined || !res.ok) throw input.problem(res.status, problem);
  if (!fields.oauth_token || !fields.oauth_token_secret) {
    throw new ConnectorError("invalid_response", `${shopName}'s answer from ${url} has no oauth_token and oauth_token_secret.`, false, { status: res.status });
  }
  return fields as Record<string, string> & { oauth_token: string; oauth_token_secret: string };
}
