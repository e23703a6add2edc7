import { ccvDate, responseHash } from "../signing";

/**
 * CCV's error body (webshop-apis.md §2.9). Codes 404.20, 405.10, 429.10/11 and 5xx are documented;
 * the 400/401/404-not-found codes here are our inference (marked where used).
 */
export function ccvError(status: number, code: string, developermessage: string, headers: Record<string, string> = {}): Response {
  return Response.json({ status, code, developermessage }, { status, headers });
}

export const html = (body: string, status = 200) =>
  new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CCV Shop (sandbox)</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">${body}</body></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

export { escapeHtml } from "../../sandbox/kit/html";

/** A JSON answer signed like CCV signs responses: x-hash over public|METHOD|uri|body|x-date. */
export function signedJson(body: unknown, status: number, sign: { publicKey: string; secretKey: string; method: string; uri: string }, headers: Record<string, string> = {}): Response {
  const text = body === null ? "" : JSON.stringify(body);
  const date = ccvDate(new Date());
  const hash = responseHash({ ...sign, body: text, date });
  return new Response(status === 204 ? null : text, {
    status,
    headers: { ...(text ? { "content-type": "application/json" } : {}), "x-date": date, "x-hash": hash, ...headers },
  });
}
