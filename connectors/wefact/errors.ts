import { ConnectorError } from "../types";
import { outgoingIps } from "./config";
import type { HttpResult } from "./transport";

/** What the failed call was about, for messages the merchant can read. */
export type Subject = "invoice" | "debtor" | "product" | "settings" | "request";

const FIREWALL_WAIT_MS = 15 * 60_000;

/** How long WeFact's firewall ban lasts: until the hour counter resets, if it told us. */
function firewallWaitMs(headers: Headers, now = Date.now()): number {
  const resetHour = Number(headers.get("api-ratelimit-reset-hour") ?? NaN);
  return Number.isFinite(resetHour) && resetHour * 1000 > now ? resetHour * 1000 - now : FIREWALL_WAIT_MS;
}

export function ipWhitelistHelp(): string {
  const ips = outgoingIps();
  return ips.length
    ? `Add our IP addresses ${ips.join(" and ")} under Instellingen → API in WeFact`
    : "Add our outgoing IP addresses (ask support for them) under Instellingen → API in WeFact";
}

/**
 * WeFact answers HTTP 200 with `status: "error"` and Dutch prose, no error codes. We recognise the
 * few messages that need something other than "rejected" (IP whitelist, API key, firewall, unknown
 * action) and otherwise pass WeFact's own words on, which the merchant also sees in WeFact.
 */
export function envelopeError(errors: string[], res: HttpResult, subject: Subject): ConnectorError {
  const text = errors.join("; ");
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  if (res.status === 403 || /currently in firewall/i.test(text)) {
    const wait = firewallWaitMs(res.headers);
    return new ConnectorError("rate_limited", `WeFact temporarily blocks our server after too many requests; we will try again in ${Math.ceil(wait / 60_000)} minutes.`, true, { ...detail, retryAfterMs: wait });
  }
  if (/has no access to (the )?API/i.test(text)) {
    return new ConnectorError("access_denied", `WeFact refuses requests from our server (${text}). ${ipWhitelistHelp()}, then click Process.`, false, detail);
  }
  if (/api[- _]?(key|sleutel)|beveiligingscode|authenticat/i.test(text)) {
    return new ConnectorError("unauthorized", `WeFact did not accept the API key (${text}). Copy the key again from Instellingen → API in WeFact and enter it in the Configuration tab.`, false, detail);
  }
  if (/^invalid (controller|action)$/i.test(text.trim())) {
    return new ConnectorError("unsupported_action", `WeFact does not offer this API call (${text}).`, false, detail);
  }
  const what = subject === "request" ? "the request" : `the ${subject}`;
  return new ConnectorError("rejected", text ? `WeFact rejected ${what}: ${text}` : `WeFact rejected ${what} without giving a reason.`, false, detail);
}

/** A non-200 answer that carries no WeFact envelope (a proxy's error page, an overloaded server). */
export function httpError(res: HttpResult): ConnectorError {
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  if (res.status === 429) return new ConnectorError("rate_limited", "WeFact asks us to slow down; we will try again in a minute.", true, { ...detail, retryAfterMs: 60_000 });
  if (res.status >= 500) return new ConnectorError("server_error", `WeFact had a temporary problem (HTTP ${res.status}); we will try again.`, true, detail);
  return new ConnectorError(`http_${res.status}`, `WeFact answered HTTP ${res.status}, which its API never does; check the WeFact address in the configuration.`, false, detail);
}

export function unexpected(what: string, issue: string, res?: HttpResult): ConnectorError {
  return new ConnectorError("unexpected_response", `WeFact answered ${what} in a format we do not understand (${issue}).`, false, res ? { status: res.status, body: res.text.slice(0, 4000) } : undefined);
}
