import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxBaseUrl, sandboxOAuthApp, type RompslompCredentials } from "../config";
import { authorizeUrl, exchangeCode, parseCallback } from "../oauth";
import { rompslompSandbox } from "./index";

/**
 * Test helpers: the real client and OAuth code talk to the sandbox handler through a fetch that
 * calls it directly (no Next server), exactly as they would over HTTP.
 */

export const APP_URL = "http://app.test";
export const REDIRECT_URI = `${APP_URL}/api/oauth/rompslomp/callback`;

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(req, segments, true, { rompslomp: rompslompSandbox });
}) as typeof fetch;

export function sandboxCtx(tenant: string, credentials: unknown, calls?: ExternalCallRecord[]): ConnectorContext<unknown> {
  return { baseUrl: sandboxBaseUrl(APP_URL, tenant), credentials, fetch: sandboxFetch, onCall: calls ? (c) => calls.push(c) : undefined };
}

export async function admin(tenant: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sandboxFetch(`${sandboxBaseUrl(APP_URL, tenant)}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The consent page's hidden fields, read the way a browser would submit them. */
export function formFields(html: string): URLSearchParams {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const params = new URLSearchParams();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    params.append(m[1]!, m[2]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  }
  return params;
}

/** Walks the whole authorization: consent page → Allow → callback → code exchange. */
export async function connectViaConsent(tenant: string, state = "st-123"): Promise<RompslompCredentials> {
  const baseUrl = sandboxBaseUrl(APP_URL, tenant);
  const page = await sandboxFetch(authorizeUrl({ baseUrl, clientId: sandboxOAuthApp.clientId, redirectUri: REDIRECT_URI, state }));
  const fields = formFields(await page.text());
  fields.set("decision", "allow");
  const answer = await sandboxFetch(`${baseUrl}/oauth/authorize`, { method: "POST", body: fields, redirect: "manual" });
  const { code } = parseCallback(new URL(answer.headers.get("location") ?? "").searchParams, state);
  return exchangeCode({ baseUrl, app: sandboxOAuthApp, fetch: sandboxFetch }, { code, redirectUri: REDIRECT_URI });
}
