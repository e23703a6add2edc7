import { retryAfterMs } from "../kit/retry-after";
import { exchange, type HttpRequest, type HttpResult, type Peer, type Transport } from "../kit/http-exchange";
import { ConnectorError } from "../types";

export type { HttpRequest, HttpResult, Transport } from "../kit/http-exchange";

const REDACTED = "[REDACTED]";

/**
 * Secrets by field name, in JSON (`accessToken`, session `token`) and in SOAP XML (`SecurityCode1`,
 * `SecurityCode2`, `SessionID`), so an exchange can be shown on the Errors tab without leaking them.
 */
export const redactSecretFields = (text: string): string =>
  text
    .replace(/"(accessToken|token)"(\s*:\s*)"[^"]*"/g, `"$1"$2"${REDACTED}"`)
    .replace(/<((?:\w+:)?(?:SecurityCode1|SecurityCode2|SessionID))>[^<]*<\//g, `<$1>${REDACTED}</`);

const eboekhouden: Peer = { system: "eboekhouden", name: "e-Boekhouden", redact: redactSecretFields, redirect: "manual" };

/** One HTTP exchange with e-Boekhouden (connectors/kit/http-exchange.ts), tokens and security codes redacted from the log. */
export const send = (t: Transport, req: HttpRequest): Promise<HttpResult> => exchange(t, eboekhouden, req);

/** 429 and 5xx are worth another try; the body decides nothing here. */
export function transientError(res: HttpResult, api: string): ConnectorError | undefined {
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  if (res.status === 429) {
    const wait = retryAfterMs(res.headers.get("retry-after"));
    return new ConnectorError("rate_limited", `e-Boekhouden asks us to slow down; we will try again in ${Math.ceil(wait / 1000)} seconds.`, true, { ...detail, retryAfterMs: wait });
  }
  if (res.status >= 500) {
    return new ConnectorError("server_error", `The e-Boekhouden ${api} had a temporary problem (HTTP ${res.status}); we will try again.`, true, detail);
  }
  return undefined;
}

/** An HTML page or other non-API text, described precisely (proxies and maintenance pages answer like that). */
export function describeBody(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "an empty body";
  if (/^<!doctype html|^<html/i.test(trimmed)) {
    const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return `an HTML page${title ? ` ("${title}")` : ""}`;
  }
  return `"${trimmed.slice(0, 120)}${trimmed.length > 120 ? "…" : ""}"`;
}
