import { ERROR_CODES } from "../contract";

/** KMO's error body (contract.ts): {"error": {"code", "message"}}. */
export function kmoError(status: number, message: string, headers: Record<string, string> = {}, code?: string): Response {
  const fallback = status >= 500 ? ERROR_CODES[500] : "invalid_request";
  return Response.json({ error: { code: code ?? ERROR_CODES[status as keyof typeof ERROR_CODES] ?? fallback, message } }, { status, headers });
}

export const html = (body: string, status = 200) =>
  new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>KMO Shops (sandbox)</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">${body}</body></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

export { escapeHtml } from "../../sandbox/kit/html";

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
