import { parseRetryAfter } from "../kit/retry-after";
import { ConnectorError } from "../types";
import { looksLikeHtml, parseJson, type HttpResult } from "./http";

/** What the failed request was about, for messages the merchant can read. */
export type Subject = "invoice" | "client" | "profiles" | "taxes" | "search" | "request";

const what = (subject: Subject) =>
  subject === "client" ? "the customer" : subject === "invoice" ? "the invoice" : subject === "search" ? "the search" : subject === "request" ? "the request" : `the list of ${subject}`;

/**
 * Factuursturen's error bodies are short plain text (no error schema, reference §4); a proxy in
 * front of it may answer with an HTML page. We keep its own words, never a page of markup.
 */
export function errorText(res: HttpResult): string {
  if (looksLikeHtml(res)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(res.text)?.[1]?.trim();
    return `an HTML page${title ? ` ("${title}")` : ""} instead of an API answer`;
  }
  const parsed = parseJson(res.text);
  if (parsed.ok && parsed.value && typeof parsed.value === "object") {
    const body = parsed.value as Record<string, unknown>;
    const message = [body.error, body.message, body.errors].find((v) => typeof v === "string");
    if (typeof message === "string" && message.trim()) return message.trim().slice(0, 500);
  }
  const text = res.text.replace(/\s+/g, " ").trim();
  return text.slice(0, 500);
}

/** Waits for Retry-After when given, else until the hourly quota renews (the header counts calls per hour). */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const told = parseRetryAfter(headers.get("retry-after"), now);
  if (told !== undefined) return told;
  const nextHour = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
  return nextHour - now + 5_000;
}

/** A non-2xx answer as a ConnectorError: the status decides, never the (free) text. */
export function apiError(res: HttpResult, subject: Subject): ConnectorError {
  const text = errorText(res);
  const detail = { status: res.status, body: res.text.slice(0, 4000) };
  const quotaExhausted = res.headers.get("x-ratelimit-remaining")?.trim() === "0";

  if (res.status === 429 || (quotaExhausted && res.status >= 400 && res.status < 500 && res.status !== 401)) {
    const wait = retryAfterMs(res.headers);
    return new ConnectorError("rate_limited", `Factuursturen's hourly API limit is used up; we will try again in ${Math.ceil(wait / 60_000)} minutes.`, true, { ...detail, retryAfterMs: wait });
  }
  if (res.status >= 500) {
    return new ConnectorError("server_error", `Factuursturen had a temporary problem (HTTP ${res.status}${text ? `: ${text}` : ""}); we will try again.`, true, detail);
  }
  if (res.status === 401) {
    return new ConnectorError("unauthorized", "Factuursturen did not accept the username and API key. Check that the API key is still Active under Settings > Connections in Factuursturen, then connect Factuursturen again in the Configuration tab.", false, detail);
  }
  if (res.status === 403) {
    return new ConnectorError("access_denied", `Factuursturen refused access${text ? ` (${text})` : ""}. Check that the API key is Active and that the subscription allows API use.`, false, detail);
  }
  if (res.status === 404) {
    return new ConnectorError("not_found", `Factuursturen could not find ${what(subject)}${text ? ` (${text})` : ""}.`, false, detail);
  }
  if (res.status >= 400 && res.status < 500) {
    return new ConnectorError("rejected", text ? `Factuursturen rejected ${what(subject)}: ${text}` : `Factuursturen rejected ${what(subject)} without giving a reason (HTTP ${res.status}).`, false, detail);
  }
  return new ConnectorError(`http_${res.status}`, `Factuursturen answered HTTP ${res.status}${text ? `: ${text}` : ""}.`, false, detail);
}

export function unexpected(whatAnswer: string, issue: string, res?: HttpResult): ConnectorError {
  return new ConnectorError("unexpected_response", `Factuursturen answered ${whatAnswer} in a format we do not understand (${issue}).`, false, res ? { status: res.status, body: res.text.slice(0, 4000) } : undefined);
}
