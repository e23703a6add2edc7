import { retryAfterMs } from "../kit/retry-after";
import { ConnectorError } from "../types";
import { errorSchema } from "./schemas";

/**
 * Magento's error answers → ConnectorError (webshop-apis.md §1.12). The body is
 * {"message": "…%1…", "parameters": […] | {name: value}}; placeholders are filled in so the
 * merchant reads what Magento meant. HTML pages (a 404 from the web server, a maintenance page)
 * are named as such: they mean the REST API is not where the address points.
 */
export function magentoMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  // Magento 1.x: {"messages": {"error": [{"code": 401, "message": "oauth_problem=signature_invalid"}]}}
  const legacy = (parsed as { messages?: { error?: { message?: unknown }[] } } | null)?.messages?.error;
  if (Array.isArray(legacy)) {
    const messages = legacy.map((e) => e?.message).filter((m): m is string => typeof m === "string");
    if (messages.length) return messages.join("; ");
  }
  const result = errorSchema.safeParse(parsed);
  if (!result.success) return undefined;
  const { message, parameters } = result.data;
  if (!parameters) return message;
  return message.replace(/%(\w+)/g, (whole, name: string) => {
    const value = Array.isArray(parameters) ? (/^\d+$/.test(name) ? parameters[Number(name) - 1] : undefined) : parameters[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export const looksLikeHtml = (body: string, contentType: string | null) =>
  /text\/html/i.test(contentType ?? "") || /^\s*<(!doctype|html|head|body)/i.test(body);

export type ErrorAdvice = {
  /** What to check when the web server answers a page instead of the API. */
  apiNotFound?: string;
  /** What to check when the shop refuses access to a resource (403). */
  forbidden?: string;
};

const DEFAULT_ADVICE: Required<ErrorAdvice> = {
  apiNotFound: "Check the webshop address, and that the REST API is reachable there (URL rewrites in .htaccess, a redirect or a firewall can block it).",
  forbidden: "the integration lacks a resource it needs (Sales > Operations: Orders, Invoices, Credit Memos). Add them to the integration's API tab and reactivate it.",
};

export function httpError(input: { status: number; body: string; contentType: string | null; retryAfter: string | null; url: string; system?: string; advice?: ErrorAdvice }): ConnectorError {
  const advice = { ...DEFAULT_ADVICE, ...input.advice };
  const { status, body, url } = input;
  const shop = input.system ?? "Magento";
  const detail = { status, body: body.slice(0, 2000) };
  if (looksLikeHtml(body, input.contentType)) {
    if (status >= 500 || status === 429) return new ConnectorError("unavailable", `${shop} answered HTTP ${status} with a web page instead of the REST API (the shop may be down or in maintenance).`, true, detail);
    return new ConnectorError(
      "api_not_found",
      `${shop} answered HTTP ${status} with a web page instead of the REST API at ${url}. ${advice.apiNotFound}`,
      false,
      detail,
    );
  }
  const said = magentoMessage(body);
  const suffix = said ? ` ${shop} said: "${said}"` : "";
  if (status === 401) return new ConnectorError("unauthorized", `${unauthorizedAdvice(said, shop)}${suffix}`, false, detail);
  if (status === 403) {
    return new ConnectorError("insufficient_scope", `${shop} refused access: ${advice.forbidden}${suffix}`, false, detail);
  }
  if (status === 404) return new ConnectorError("not_found", `${shop} has no such resource (HTTP 404).${suffix}`, false, detail);
  if (status === 429) return new ConnectorError("rate_limited", `${shop}'s host is limiting requests (HTTP 429); trying again shortly.`, true, { ...detail, retryAfterMs: retryAfterMs(input.retryAfter) });
  if (status >= 500) return new ConnectorError("unavailable", `${shop} answered with a server error (HTTP ${status}).${suffix}`, true, detail);
  return new ConnectorError("rejected", `${shop} rejected the request (HTTP ${status}).${suffix}`, false, detail);
}

function unauthorizedAdvice(said: string | undefined, shop: string): string {
  const message = said ?? "";
  if (/signature is invalid|signature_invalid/i.test(message)) {
    return `${shop} refused the request's OAuth signature: the consumer secret or access token secret is wrong. Enter the integration's keys again (or reactivate the integration).`;
  }
  if (/revoked|token_revoked|token_rejected|does not exist|not the correct length|not an access token|consumer_key_rejected/i.test(message)) {
    return `${shop} no longer accepts this integration's keys (deactivated, deleted or re-created in the shop). Reactivate the integration and connect again.`;
  }
  if (/nonce|timestamp/i.test(message)) {
    return `${shop} refused the request's OAuth timestamp or nonce; check that the shop server's clock is right.`;
  }
  return `${shop} refused the integration's credentials. Check that the integration is Active in the shop and that its keys were entered correctly, then connect again.`;
}
