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
  /** Values that must never reach the audit log (API key, the Basic token). */
  secrets?: string[];
};

export type HttpResult = { status: number; headers: Headers; text: string };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LOGGED_BODY = 64_000;

export function redact(text: string | undefined, secrets: string[] = []): string | undefined {
  if (text === undefined) return undefined;
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[REDACTED]");
  return out.length > MAX_LOGGED_BODY ? `${out.slice(0, MAX_LOGGED_BODY)}… (truncated)` : out;
}

/** One HTTP exchange with Factuursturen: a timeout, network errors as retryable, every call reported. */
export async function send(t: Transport, req: HttpRequest): Promise<HttpResult> {
  const doFetch = t.fetch ?? fetch;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const record = (extra: Partial<ExternalCallRecord>) =>
    t.onCall?.({
      system: "factuursturen",
      method: req.method,
      url: redact(req.url, req.secrets) ?? req.url,
      requestBody: redact(req.body, req.secrets),
      durationMs: Date.now() - started,
      ...extra,
    });
  const timedOut = () => {
    record({ error: `timeout after ${timeoutMs} ms` });
    return new ConnectorError("timeout", `Factuursturen did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds; we will try again.`, true);
  };
  try {
    const res = await doFetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: "manual" });
    const text = await res.text();
    // Whatever arrives after we gave up (a gateway's 504, a late answer) is no answer: the request may or may not have been carried out.
    if (controller.signal.aborted) throw timedOut();
    record({ status: res.status, responseBody: redact(text, req.secrets) });
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    if (controller.signal.aborted) throw timedOut();
    const message = redact((err as Error).message, req.secrets) ?? "unknown error";
    record({ error: message });
    throw new ConnectorError("network", `Could not reach Factuursturen (${message}); we will try again.`, true);
  } finally {
    clearTimeout(timer);
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const looksLikeHtml = (res: HttpResult) =>
  /text\/html/i.test(res.headers.get("content-type") ?? "") || /^\s*<(!doctype|html|head|body)\b/i.test(res.text);
