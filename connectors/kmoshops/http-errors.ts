import { retryAfterMs } from "../kit/retry-after";
import { ConnectorError } from "../types";
import { errorBodySchema } from "./schemas";

/** The message of KMO's error body (contract.ts ERROR_CODES), or a description of what came instead. */
function whatKmoSaid(body: string, contentType: string | null): string | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    if (parsed.success) return `${parsed.data.error.message} (${parsed.data.error.code})`;
  } catch {
    // not JSON: described below
  }
  if (/html/i.test(contentType ?? "") || /^\s*</.test(body)) return "a web page instead of a JSON error";
  return body.trim() ? undefined : "an empty answer";
}

/** A non-2xx KMO answer as the ConnectorError the pipeline understands: 5xx/429 retryable, the rest permanent. */
export function httpError(status: number, body: string, retryAfter: string | null, contentType: string | null = null): ConnectorError {
  const detail = { status, body: body.slice(0, 2000) };
  const said = whatKmoSaid(body, contentType);
  const suffix = said ? ` KMO Shops said: ${said}.` : "";
  if (status === 401 || status === 403) {
    return new ConnectorError("unauthorized", `KMO Shops refused the API key (HTTP ${status}). Install the app again from the app store in your KMO Shops backend.${suffix}`, false, detail);
  }
  if (status === 404) return new ConnectorError("not_found", `KMO Shops has no such resource (HTTP 404).${suffix}`, false, detail);
  if (status === 429) return new ConnectorError("rate_limited", `KMO Shops' request limit was reached; trying again shortly.${suffix}`, true, { ...detail, retryAfterMs: retryAfterMs(retryAfter) });
  if (status >= 500) return new ConnectorError("unavailable", `KMO Shops answered with a server error (HTTP ${status}).${suffix}`, true, detail);
  return new ConnectorError("rejected", `KMO Shops rejected the request (HTTP ${status}).${suffix}`, false, detail);
}
