import { ConnectorError, type ExternalCallRecord } from "../types";

/** What the HTTP layer needs of a ConnectorContext (fetch is injectable for tests). */
export type Transport = {
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  timeoutMs?: number;
};

export type HttpResult = { status: number; headers: Headers; text: string };

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LOGGED_BODY = 64_000;
const REDACTED = "[REDACTED]";

/** The API key travels in every body; it never reaches the audit log. */
export function redact(text: string | undefined, secrets: string[] = []): string | undefined {
  if (text === undefined) return undefined;
  let out = text.replace(/(^|&)api_key=[^&]*/g, `$1api_key=${REDACTED}`).replace(/"api_key"(\s*:\s*)"[^"]*"/g, `"api_key"$1"${REDACTED}"`);
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.length > MAX_LOGGED_BODY ? `${out.slice(0, MAX_LOGGED_BODY)}… (truncated)` : out;
}

/**
 * WeFact firewalls our IP (all merchants share it) when the per-IP limit is exceeded, so we slow
 * down before that: the last answer's API-RateLimit headers, kept per process and endpoint.
 */
const RESERVE = 5;
const MAX_WAIT_MS = 65_000;
const budgets = new Map<string, { remaining: number; resetAt: number }>();

function remember(url: string, headers: Headers) {
  const remaining = Number(headers.get("api-ratelimit-remaining-minute") ?? NaN);
  const reset = Number(headers.get("api-ratelimit-reset-minute") ?? NaN);
  if (Number.isFinite(remaining) && Number.isFinite(reset)) budgets.set(url, { remaining, resetAt: reset * 1000 });
}

async function throttle(url: string, now = Date.now()) {
  const budget = budgets.get(url);
  if (!budget || budget.remaining > RESERVE) return;
  budgets.delete(url);
  const wait = budget.resetAt - now + 250;
  if (wait > 0 && wait <= MAX_WAIT_MS) await new Promise((r) => setTimeout(r, wait));
}

const isTimeout = (err: unknown) => err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

/** One POST to WeFact: timeout, network errors as retryable, every call reported with the key redacted. */
export async function post(t: Transport, req: { url: string; body: string; secrets: string[] }): Promise<HttpResult> {
  await throttle(req.url);
  const doFetch = t.fetch ?? fetch;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const record = (extra: Partial<ExternalCallRecord>) =>
    t.onCall?.({ system: "wefact", method: "POST", url: req.url, requestBody: redact(req.body, req.secrets), durationMs: Date.now() - started, ...extra });
  try {
    const res = await doFetch(req.url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: req.body,
      signal: controller.signal,
      redirect: "manual",
    });
    const text = await res.text();
    // An answer that arrives after we gave up is still a timeout: we already treat it as lost.
    if (controller.signal.aborted) throw new DOMException("answer after the timeout", "TimeoutError");
    remember(req.url, res.headers);
    record({ status: res.status, responseBody: redact(text, req.secrets) });
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    if (controller.signal.aborted || isTimeout(err)) {
      record({ error: `timeout after ${timeoutMs} ms` });
      throw new ConnectorError("timeout", `WeFact did not answer within ${Math.round(timeoutMs / 1000)} seconds; we will check and try again.`, true);
    }
    const message = redact((err as Error).message, req.secrets) ?? "unknown error";
    record({ error: message });
    throw new ConnectorError("network", `Could not reach WeFact (${message}); we will try again.`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** For tests: forget the rate-limit budget seen so far. */
export const resetThrottle = () => budgets.clear();
