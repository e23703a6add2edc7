import { exchange, type HttpResult, type Peer, type Transport } from "../kit/http-exchange";
import { sharedLimiter, withMargin } from "../kit/rate-limiter";

export type { HttpResult, Transport } from "../kit/http-exchange";

const REDACTED = "[REDACTED]";

/** The API key travels in every body; it never reaches the audit log. */
const redactApiKey = (text: string) =>
  text.replace(/(^|&)api_key=[^&]*/g, `$1api_key=${REDACTED}`).replace(/"api_key"(\s*:\s*)"[^"]*"/g, `"api_key"$1"${REDACTED}"`);

const wefact: Peer = {
  system: "wefact",
  name: "WeFact",
  redact: redactApiKey,
  redirect: "manual",
  messages: { timeout: (ms) => `WeFact did not answer within ${Math.round(ms / 1000)} seconds; we will check and try again.` },
};

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

/**
 * The documented limits (accounting-apis.md §3: 200 a minute, 3600 an hour; a live account showed
 * more), counted process-wide per endpoint URL: the real one is shared by every merchant, as the
 * limit is per IP; each sandbox tenant has its own.
 */
export const WEFACT_RULES = [withMargin({ limit: 200, windowMs: 60_000 }), withMargin({ limit: 3600, windowMs: 3_600_000 })];

/** One POST to WeFact (connectors/kit/http-exchange.ts), under the documented limits and the budget WeFact reports. */
export async function post(t: Transport, req: { url: string; body: string; secrets: string[] }): Promise<HttpResult> {
  await throttle(req.url);
  const res = await sharedLimiter.run(`wefact|${req.url}`, WEFACT_RULES, () =>
    exchange(t, wefact, {
      method: "POST",
      url: req.url,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: req.body,
      secrets: req.secrets,
    }),
  );
  remember(req.url, res.headers);
  return res;
}

/** For tests: forget the rate-limit budget seen so far. */
export const resetThrottle = () => budgets.clear();
