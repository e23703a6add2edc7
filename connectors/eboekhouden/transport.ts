import { ConnectorError, type ExternalCallRecord } from "../types";

/** What the HTTP layer needs of a ConnectorContext (the fetch is injectable for tests). */
export type Transport = {
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  timeoutMs?: number;
};

export type HttpRequest = { method: string; url: string; headers?: Record<string, string>; body?: string; secrets?: string[] };
export type HttpResult = { status: number; headers: Headers; text: string };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LOGGED_BODY = 64_000;
const REDACTED = "[REDACTED]";

/**
 * Secrets by field name, in JSON (`accessToken`, session `token`) and in SOAP XML (`SecurityCode1`,
 * `SecurityCode2`, `SessionID`), so an exchange can be shown on the Errors tab without leaking them.
 */
export function redact(text: string | undefined, secrets: string[] = []): string | undefined {
  if (text === undefined) return undefined;
  let out = text
    .replace(/"(accessToken|token)"(\s*:\s*)"[^"]*"/g, `"$1"$2"${REDACTED}"`)
    .replace(/<((?:\w+:)?(?:SecurityCode1|SecurityCode2|SessionID))>[^<]*<\//g, `<$1>${REDACTED}</`);
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.length > MAX_LOGGED_BODY ? `${out.slice(0, MAX_LOGGED_BODY)}… (truncated)` : out;
}

/** One HTTP exchange with e-Boekhouden: timeout, network errors as retryable, every call reported. */
export async function send(t: Transport, req: HttpRequest): Promise<HttpResult> {
  const doFetch = t.fetch ?? fetch;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const record = (extra: Partial<ExternalCallRecord>) =>
    t.onCall?.({
      system: "eboekhouden",
      method: req.method,
      url: redact(req.url, req.secrets) ?? req.url,
      requestBody: redact(req.body, req.secrets),
      durationMs: Date.now() - started,
      ...extra,
    });
  try {
    const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: "manual" });
    const text = await res.text();
    // An answer that arrives after we gave up is still a timeout: we may not have seen the work it did.
    if (controller.signal.aborted) throw new Error("aborted");
    record({ status: res.status, responseBody: redact(text, req.secrets) });
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    if (controller.signal.aborted) {
      record({ error: `timeout after ${timeoutMs} ms` });
      throw new ConnectorError("timeout", `e-Boekhouden did not answer within ${Math.round(timeoutMs / 1000)} seconds; we will try again.`, true);
    }
    const message = redact((err as Error).message, req.secrets) ?? "unknown error";
    record({ error: message });
    throw new ConnectorError("network", `Could not reach e-Boekhouden (${message}); we will try again.`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After is seconds or an HTTP date; without it we wait a minute. */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const value = headers.get("retry-after");
  if (value && /^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = value ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? 60_000 : Math.max(0, date - now);
}

/** 429 and 5xx are worth another try; the body decides nothing here. */
export function transientError(res: HttpResult, api: string): ConnectorError | undefined {
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  if (res.status === 429) {
    const wait = retryAfterMs(res.headers);
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
