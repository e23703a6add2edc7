import { ConnectorError } from "../types";

/**
 * PrestaShop's webservice errors (classes/webservice/WebserviceRequest.php): JSON
 * `{"errors":[{"code":N,"message":"…"}]}` when output_format=JSON was read, otherwise XML
 * `<prestashop><errors><error><code>…</code><message>…</message></error></errors></prestashop>`.
 * The numeric codes tell the cases apart: 22 webservice off, 16–21 key refused, 26 resource not
 * allowed for the key, 25 method not allowed for the key, 132 key not valid for this shop.
 */
export type PsError = { code?: number; message: string };

const cdata = (s: string) => s.replace(/^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/, "$1").trim();

export function parseErrors(body: string): PsError[] {
  const text = body.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
      return (parsed.errors ?? [])
        .filter((e) => typeof e?.message === "string")
        .map((e) => ({ code: e.code === null || e.code === undefined || e.code === "" ? undefined : Number(e.code), message: String(e.message) }));
    } catch {
      return [];
    }
  }
  if (!/<prestashop[\s>]/i.test(text)) return [];
  return [...text.matchAll(/<error>([\s\S]*?)<\/error>/gi)].map((m) => {
    const code = /<code>([\s\S]*?)<\/code>/i.exec(m[1]!)?.[1];
    const message = /<message>([\s\S]*?)<\/message>/i.exec(m[1]!)?.[1];
    return { code: code ? Number(cdata(code)) : undefined, message: message ? cdata(message) : "" };
  });
}

export const looksLikeHtml = (body: string) => /^\s*(<!doctype html|<html|<head|<body)/i.test(body);

const WHERE = "Advanced Parameters > Webservice in the PrestaShop back office";

/** Maps a non-2xx webservice answer to the ConnectorError the pipeline and the wizard show. */
export function httpError(status: number, body: string, path: string): ConnectorError {
  const [resource = "api", id] = path.split("/");
  const detail = { status, body: body.slice(0, 2000) };
  const errors = parseErrors(body);
  const codes = new Set(errors.map((e) => e.code));
  const said = errors.map((e) => e.message).filter(Boolean).join(" ");
  const quote = said ? ` PrestaShop said: "${said}"` : "";

  if (codes.has(22) || /webservice is disabled/i.test(said)) {
    return new ConnectorError("webservice_disabled", `The PrestaShop webservice is switched off. Turn on "Enable PrestaShop's webservice" under ${WHERE}, save, then try again.`, false, detail);
  }
  if (codes.has(26) || codes.has(25)) {
    return new ConnectorError(
      "permission_missing",
      `The webservice key may not read "${resource}". Edit the key under ${WHERE} and tick View (GET) for ${resource}, then try again.${quote}`,
      false,
      detail,
    );
  }
  if (codes.has(132)) {
    return new ConnectorError("permission_missing", `The webservice key is not enabled for this shop (multistore). Edit the key under ${WHERE} and tick this shop.${quote}`, false, detail);
  }
  if (codes.has(16)) {
    return new ConnectorError(
      "unauthorized",
      `PrestaShop did not receive the webservice key: the web server drops the Authorization header (common with PHP as CGI). Use the ws_key setting, or enable "CGI mode for PHP" under ${WHERE}.${quote}`,
      false,
      detail,
    );
  }
  if (status === 401 || status === 403) {
    return new ConnectorError("unauthorized", `PrestaShop refused the webservice key. Check that the key is copied completely (32 characters) and that its status is enabled under ${WHERE}.${quote}`, false, detail);
  }
  // PrestaShop answers an unknown id with an empty 404 (getFilteredObjectDetails disables the output).
  if (status === 404 && id && !body.trim()) return new ConnectorError("not_found", `PrestaShop has no ${resource} with id ${id}.`, false, detail);
  if (status === 404 && !errors.length) {
    const what = looksLikeHtml(body) ? "a web page" : "nothing usable";
    return new ConnectorError("not_found", `The shop answered ${what} with HTTP 404 for /api/${resource}: check the shop URL (the address of the shop's front page, without /admin…) and that the webservice is on.`, false, detail);
  }
  if (status === 404) return new ConnectorError("not_found", `PrestaShop has no such ${resource}.${quote}`, false, detail);
  if (status === 429) return new ConnectorError("rate_limited", `The shop's server limits the number of requests; trying again shortly.${quote}`, true, { ...detail, retryAfterMs: 60_000 });
  if (status >= 500) return new ConnectorError("unavailable", `PrestaShop answered with an error (HTTP ${status}).${quote}`, true, detail);
  return new ConnectorError("rejected", `PrestaShop rejected the request for ${resource} (HTTP ${status}).${quote}`, false, detail);
}
