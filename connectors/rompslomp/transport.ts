import { ConnectorError, type ExternalCallRecord } from "../types";

/** What the HTTP layer needs of a ConnectorContext (the fetch is injectable for tests). */
export type Transport = {
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  timeoutMs?: number;
};

export type HttpRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Values that must never reach the audit log (bearer token, client secret…). */
  secrets?: string[];
};

export type HttpResult = { status: number; headers: Headers; text: string };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LOGGED_BODY = 64_000;
const REDACTED = "[REDACTED]";

/**
 * Redacts OAuth secrets by field name, in JSON and in form bodies, so a token response or a
 * token request can be shown on the Errors tab without leaking what it carried.
 */
export function redactOAuthFields(text: string): string {
  return text
    .replace(/"(access_token|refresh_token|client_secret|code)"(\s*:\s*)"[^"]*"/g, `"$1"$2"${REDACTED}"`)
    .replace(/(^|[&?])(access_token|refresh_token|client_secret|code)=[^&\s]*/g, `$1$2=${REDACTED}`);
}

export function redact(text: string | undefined, secrets: string[] = []): string | undefined {
  if (text === undefined) return undefined;
  let out = redactOAuthFields(text);
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.length > MAX_LOGGED_BODY ? `${out.slice(0, MAX_LOGGED_BODY)}… (truncated)` : out;
}

/** One HTTP exchange with Rompslomp: timeout, network errors as retryable, every call reported. */
export async function send(t: Transport, req: HttpRequest): Promise<HttpResult> {
  const doFetch = t.fetch ?? fetch;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const record = (extra: Partial<ExternalCallRecord>) =>
    t.onCall?.({
      system: "rompslomp",
      method: req.method,
      url: redact(req.url, req.secrets) ?? req.url,
      requestBody: redact(req.body, req.secrets),
      durationMs: Date.now() - started,
      ...extra,
    });
  try {
    const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: "manual" });
    const text = await res.text();
    record({ status: res.status, responseBody: redact(text, req.secrets) });
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    if (controller.signal.aborted) {
      record({ error: `timeout after ${timeoutMs} ms` });
      throw new ConnectorError("timeout", `Rompslomp did not answer within ${Math.round(timeoutMs / 1000)} seconds; we will try again.`, true);
    }
    const message = redact((err as Error).message, req.secrets) ?? "unknown error";
    record({ error: message });
    throw new ConnectorError("network", `Could not reach Rompslomp (${message}); we will try again.`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After is seconds or an HTTP date; without it we wait a minute. */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const value = headers.get("retry-after");
  if (value && /^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = value ? Date.parse(value) : NaN;
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return 60_000;
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
