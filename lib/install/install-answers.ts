import { NextResponse } from "next/server";
import { ConnectorError } from "@/connectors/types";

/**
 * How the install routes answer. Server-to-server calls (handshakes, callbacks, uninstalls) get
 * JSON `{error, message}` with a status the shop shows or logs; the merchant's browser gets a
 * small readable page instead of raw JSON.
 */
export const installJson = (status: number, error: string, message: string) => NextResponse.json({ error, message }, { status });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function installPage(status: number, title: string, message: string): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1.5rem">` +
    `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>` +
    `<p><a href="/login">Log in to your dashboard</a></p></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** A verification failure as an HTTP status: bad signatures 401, bad bodies 400, missing setup 503. */
export function statusOf(err: ConnectorError): number {
  if (err.code === "invalid_signature") return 401;
  if (err.code === "not_configured") return 503;
  return 400;
}

/** Rethrows anything that is not a ConnectorError (a bug, the database down): those are 500s. */
export function asConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  throw err;
}

/** A 303 back to a page of ours with `error=<message>` (form posts answer this way). */
export function backWithError(pageUrl: string | URL, message: string): Response {
  const url = new URL(pageUrl);
  url.searchParams.set("error", message);
  return NextResponse.redirect(url, 303);
}
