import { ConnectorError } from "../types";
import { errorSchema } from "./rest-schemas";
import { describeBody, transientError, type HttpResult } from "./transport";

/**
 * REST error answers (`{type, title, status, code, message, …}`) as ConnectorErrors. We branch on
 * the status and e-Boekhouden's stable `code`, never on the (Dutch or English) text.
 */

/** e-Boekhouden refused a create because the thing exists: the caller decides whether it is ours. */
const DUPLICATE_CODES = new Set(["MUT_019", "MUT_020", "MUTA_008", "FACT_101", "FACT_VERWERK_004", "REL_049"]);
/** The session token expired or is unknown: open a new session and retry once. */
export const SESSION_EXPIRED = "session_expired";

const SUBSCRIPTION = new Set(["MODULE_001", "MODULE_002", "FACT_102", "PAKKET_001", "PAKKET_002"]);
const PERIOD_CLOSED = new Set(["SECURITY_007", "SECURITY_008", "MUT_005", "FACT_VERWERK_001"]);
const NO_ACCESS = new Set(["SECURITY_001", "SECURITY_002", "SECURITY_003", "SECURITY_004", "SECURITY_005", "SECURITY_006"]);

export type Subject = "session" | "relation" | "mutation" | "invoice" | "request";

function parseError(text: string) {
  try {
    const parsed = errorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function restError(res: HttpResult, subject: Subject): ConnectorError {
  const transient = transientError(res, "API");
  if (transient) return transient;
  const body = parseError(res.text);
  const code = body?.code ?? "";
  const reason = [body?.title, body?.message && body.message !== body.title ? body.message : undefined, ...(body?.errors ?? [])].filter(Boolean).join(" ");
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  const said = `${reason || describeBody(res.text)}${code ? ` (${code})` : ""}`;

  if (subject === "session") {
    // Creating a session from the API token: anything refused here means the token no longer works.
    if (code === "API_SESSION_004") {
      return new ConnectorError("unauthorized", "The e-Boekhouden API token has passed its end date. Create a new API token in e-Boekhouden (Beheer > Koppelingen > API) and reconnect e-Boekhouden in the Configuration tab.", false, detail);
    }
    if (res.status === 401 || res.status === 403 || code.startsWith("API_SESSION") || code.startsWith("SECURITY")) {
      return new ConnectorError("unauthorized", `e-Boekhouden did not accept the API token: ${said}. Check the token, or create a new one, and reconnect e-Boekhouden in the Configuration tab.`, false, detail);
    }
  }
  if (res.status === 401) return new ConnectorError(SESSION_EXPIRED, `e-Boekhouden ended the session: ${said}.`, true, detail);
  if (code === "SECURITY_011") {
    return new ConnectorError("wrong_domain", "This e-Boekhouden account is registered under the other domain (e-boekhouden.nl vs e-boekhouden.be). Reconnect e-Boekhouden with the right country.", false, detail);
  }
  if (NO_ACCESS.has(code) || res.status === 403) {
    return new ConnectorError("access_denied", `e-Boekhouden denies access to the administration: ${said}. Check the administration in e-Boekhouden, or reconnect with a token of the right administration.`, false, detail);
  }
  if (SUBSCRIPTION.has(code)) {
    return new ConnectorError("subscription_limit", `Your e-Boekhouden subscription does not allow this: ${said}. Upgrade the subscription in e-Boekhouden, then click Process.`, false, detail);
  }
  if (PERIOD_CLOSED.has(code)) {
    return new ConnectorError("period_closed", `The period of this document is closed in e-Boekhouden: ${said}. Reopen the period (or ask your accountant), then click Process.`, false, detail);
  }
  if (DUPLICATE_CODES.has(code)) return new ConnectorError("duplicate", `e-Boekhouden already has this ${subject}: ${said}.`, false, detail);
  if (res.status === 404) return new ConnectorError("not_found", `e-Boekhouden could not find the ${subject}: ${said}.`, false, detail);
  if (res.status === 400 || res.status === 409 || res.status === 422) {
    return new ConnectorError("rejected", `e-Boekhouden rejected the ${subject}: ${said}.`, false, detail);
  }
  return new ConnectorError(`http_${res.status}`, `e-Boekhouden answered HTTP ${res.status}: ${said}.`, false, detail);
}

export function unexpected(what: string, issue: string): ConnectorError {
  return new ConnectorError("unexpected_response", `e-Boekhouden answered ${what} in a format we do not understand (${issue}).`, false);
}
