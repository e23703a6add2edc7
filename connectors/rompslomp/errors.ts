import { retryAfterMs } from "../kit/retry-after";
import { ConnectorError } from "../types";
import { apiErrorSchema } from "./schemas";
import { parseJson, type HttpResult } from "./transport";

/** What the failed request was about, for messages the merchant can read. */
export type Subject = "invoice" | "contact" | "product" | "payment" | "request";

/**
 * Rompslomp's validation messages read "Factuur is invalid: Contact moet opgegeven zijn, …".
 * We keep its own (Dutch) reasons, which the merchant also sees in Rompslomp, and say in plain
 * words what was refused.
 */
export function explainRejection(subject: Subject, message: string | undefined): string {
  const reasons = (message ?? "").replace(/^[^:]{1,60} is (invalid|ongeldig):\s*/i, "").trim();
  const what = subject === "request" ? "the request" : `the ${subject}`;
  return reasons ? `Rompslomp rejected ${what}: ${reasons}` : `Rompslomp rejected ${what} without giving a reason.`;
}

/** Maps a non-2xx API answer to a ConnectorError; branch on status and error type, never on message text. */
export function apiError(res: HttpResult, subject: Subject): ConnectorError {
  const parsed = apiErrorSchema.safeParse(parseJson(res.text));
  const type = parsed.success ? parsed.data.error.type : "";
  const message = parsed.success ? parsed.data.error.message : undefined;
  const detail = { status: res.status, body: res.text.slice(0, 4000) };

  if (res.status === 429 || type === "client.rate_limit") {
    const wait = retryAfterMs(res.headers.get("retry-after"));
    return new ConnectorError("rate_limited", `Rompslomp asks us to slow down; we will try again in ${Math.ceil(wait / 1000)} seconds.`, true, { ...detail, retryAfterMs: wait });
  }
  if (res.status >= 500) {
    return new ConnectorError("server_error", `Rompslomp had a temporary problem (HTTP ${res.status}); we will try again.`, true, detail);
  }
  if (res.status === 401) {
    return new ConnectorError("unauthorized", "Rompslomp did not accept our access token (it expired or was revoked). If this persists, reconnect Rompslomp in the Configuration tab.", false, detail);
  }
  if (type === "client.authorization.invalid_scope") {
    return new ConnectorError("insufficient_scope", "The Rompslomp connection lacks a permission we need. Reconnect Rompslomp and allow all requested access.", false, detail);
  }
  if (type === "client.quota_reached" || type === "client.subscription_limit_reached") {
    return new ConnectorError("subscription_limit", `Your Rompslomp subscription does not allow this (${message ?? "limit reached"}). Upgrade the Rompslomp plan, then process again.`, false, detail);
  }
  if (res.status === 403) {
    return new ConnectorError("access_denied", "Rompslomp denies API access to this administration. The API needs a paid Rompslomp plan (not \"Gratis\"); check the subscription or choose another administration.", false, detail);
  }
  if (res.status === 404) {
    return new ConnectorError("not_found", `Rompslomp could not find ${subject === "request" ? "what we asked for" : `the ${subject}`} (${message ?? "not found"}). Check the chosen administration.`, false, detail);
  }
  if (res.status === 422 || type.startsWith("client.parameters")) {
    return new ConnectorError("rejected", explainRejection(subject, message), false, detail);
  }
  return new ConnectorError(`http_${res.status}`, `Rompslomp answered HTTP ${res.status}${message ? `: ${message}` : ""}.`, false, detail);
}

export function unexpected(what: string, issue: string): ConnectorError {
  return new ConnectorError("unexpected_response", `Rompslomp answered ${what} in a format we do not understand (${issue}).`, false);
}
