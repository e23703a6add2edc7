import { ConnectorError, type ConnectorContext, type ExternalCallRecord } from "../types";

/**
 * One HTTP exchange with an external system, as every connector needs it: a timeout (through an
 * AbortController), a timeout or network failure as a retryable ConnectorError, and every call
 * reported through onCall with secrets redacted and bodies capped. What the answer means (status
 * codes, JSON, HTML pages) stays with each connector.
 */

/** What an exchange needs of a ConnectorContext (fetch is injectable for tests). */
export type Transport = Pick<ConnectorContext<unknown>, "fetch" | "onCall" | "timeoutMs">;

export type HttpRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Values that must never reach the audit log (API keys, tokens); shorter than 4 characters they are left alone. */
  secrets?: string[];
  /** What the audit log shows of the answer when its body must not be shown at all (a token answer); default: the body, redacted. */
  logResponse?: (text: string) => string;
};

export type HttpResult = { status: number; headers: Headers; text: string };

/** A 2xx answer (what fetch calls `ok`). */
export const isOk = (res: Pick<HttpResult, "status">) => res.status >= 200 && res.status <= 299;

/** The system at the other end: its id in the audit log, its name in the merchant's messages. */
export type Peer = {
  system: ExternalCallRecord["system"];
  name: string;
  /** Redaction by field name on top of the secrets (OAuth fields, keys in bodies, a key in the URL). */
  redact?: (text: string) => string;
  /** fetch's redirect mode; "manual" where a redirect must be seen as an answer, not followed. */
  redirect?: RequestRedirect;
  /** The connector's own wording; by default "<name> did not answer within N seconds; we will try again." and "Could not reach <name> (<reason>); we will try again.". */
  messages?: {
    timeout?: (timeoutMs: number, req: HttpRequest) => string;
    unreachable?: (reason: string, req: HttpRequest) => string;
  };
};

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_LOGGED_BODY = 64_000;
const REDACTED = "[REDACTED]";

/** Text as the audit log may show it: the peer's field redaction, every secret, then capped. */
export function redactForLog(text: string, secrets: readonly string[] = [], redact?: (text: string) => string): string {
  let out = redact ? redact(text) : text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  return out.length > MAX_LOGGED_BODY ? `${out.slice(0, MAX_LOGGED_BODY)}… (truncated)` : out;
}

/** The webshops' shorter wording: "<name> did not answer within N s." and "<name> could not be reached[ at <where>]: <reason>". */
export const shopMessages = (name: string, where?: string): Peer["messages"] => ({
  timeout: (ms) => `${name} did not answer within ${Math.round(ms / 1000)} s.`,
  unreachable: (reason) => `${name} could not be reached${where ? ` at ${where}` : ""}: ${reason}`,
});

const timeoutMessage = (peer: Peer, timeoutMs: number) =>
  `${peer.name} did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} seconds; we will try again.`;
const unreachableMessage = (peer: Peer, reason: string) => `Could not reach ${peer.name} (${reason}); we will try again.`;

/** A fetch that gave up on its own or was aborted: a timeout, not a network failure. */
const isTimeoutError = (err: unknown) => err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");

export async function exchange(t: Transport, peer: Peer, req: HttpRequest): Promise<HttpResult> {
  const doFetch = t.fetch ?? fetch;
  const timeoutMs = t.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const forLog = (text: string) => redactForLog(text, req.secrets, peer.redact);
  const started = performance.now();
  const record = (extra: Partial<ExternalCallRecord>) =>
    t.onCall?.({
      system: peer.system,
      method: req.method,
      url: forLog(req.url),
      requestBody: req.body === undefined ? undefined : forLog(req.body),
      durationMs: performance.now() - started,
      ...extra,
    });
  const timedOut = () => {
    record({ error: `timeout after ${timeoutMs} ms` });
    return new ConnectorError("timeout", peer.messages?.timeout?.(timeoutMs, req) ?? timeoutMessage(peer, timeoutMs), true);
  };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    const init: RequestInit = { method: req.method, headers: req.headers, body: req.body, signal: controller.signal };
    if (peer.redirect) init.redirect = peer.redirect;
    res = await doFetch(req.url, init);
    text = await res.text();
  } catch (err) {
    if (controller.signal.aborted || isTimeoutError(err)) throw timedOut();
    const said = err instanceof Error ? err.message : undefined;
    const reason = said === undefined ? "unknown error" : forLog(said);
    record({ error: reason });
    throw new ConnectorError("network", peer.messages?.unreachable?.(reason, req) ?? unreachableMessage(peer, reason), true);
  } finally {
    clearTimeout(timer);
  }
  // An answer that arrives after we gave up is no answer: the request may or may not have been carried out.
  if (controller.signal.aborted) throw timedOut();
  record({ status: res.status, responseBody: req.logResponse ? req.logResponse(text) : forLog(text) });
  return { status: res.status, headers: res.headers, text };
}
