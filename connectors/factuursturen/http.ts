import { exchange, type HttpRequest, type HttpResult, type Peer, type Transport } from "../kit/http-exchange";

export type { HttpRequest, HttpResult, Transport } from "../kit/http-exchange";

const factuursturen: Peer = { system: "factuursturen", name: "Factuursturen", redirect: "manual" };

/** One HTTP exchange with Factuursturen (connectors/kit/http-exchange.ts); the API key and Basic token go in `secrets`. */
export const send = (t: Transport, req: HttpRequest): Promise<HttpResult> => exchange(t, factuursturen, req);

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const looksLikeHtml = (res: HttpResult) =>
  /text\/html/i.test(res.headers.get("content-type") ?? "") || /^\s*<(!doctype|html|head|body)\b/i.test(res.text);
