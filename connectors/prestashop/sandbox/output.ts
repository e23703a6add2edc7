import type { WsError } from "./query";
import type { Json } from "./state";

/**
 * The webservice's answers: JSON when output_format=JSON was asked, XML otherwise (the default),
 * for data and errors alike, with PrestaShop's headers (classes/webservice/WebserviceOutputBuilder,
 * WebserviceOutputJSON / XML). An empty JSON list is a bare `[]`.
 */
export type Format = "JSON" | "XML";
export const PSWS_VERSION = "8.1.7";

export const formatOf = (url: URL): Format => ((url.searchParams.get("output_format") ?? url.searchParams.get("io_format") ?? "").toUpperCase() === "JSON" ? "JSON" : "XML");

function headers(format: Format, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": format === "JSON" ? "application/json" : "text/xml;charset=utf-8",
    "psws-version": PSWS_VERSION,
    "x-powered-by": "PrestaShop Webservice",
    "execution-time": "0.004",
    ...extra,
  };
}

const cdata = (v: unknown) => `<![CDATA[${String(v ?? "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n`;

export function errorResponse(format: Format, errors: WsError[], extraHeaders: Record<string, string> = {}): Response {
  const status = errors[errors.length - 1]?.status ?? 500;
  const body =
    format === "JSON"
      ? JSON.stringify({ errors: errors.map((e) => ({ code: e.code, message: e.message })) })
      : `${XML_HEAD}<errors>\n${errors.map((e) => `<error>\n<code>${cdata(e.code)}</code>\n<message>${cdata(e.message)}</message>\n</error>\n`).join("")}</errors>\n</prestashop>\n`;
  return new Response(body, { status, headers: headers(format, extraHeaders) });
}

function xmlValue(name: string, value: unknown): string {
  if (Array.isArray(value) && value.every((v) => v && typeof v === "object" && "value" in v && "id" in v)) {
    return `<${name}>${(value as { id: string; value: string }[]).map((v) => `<language id="${v.id}">${cdata(v.value)}</language>`).join("")}</${name}>`;
  }
  if (name === "associations" && value && typeof value === "object") {
    return `<associations>\n${Object.entries(value as Record<string, Json[]>)
      .map(([assoc, rows]) => `<${assoc} nodeType="${assoc.replace(/s$/, "")}" api="${assoc}">\n${rows.map((r) => `<${assoc.replace(/s$/, "")}>\n${xmlFields(r)}</${assoc.replace(/s$/, "")}>\n`).join("")}</${assoc}>`)
      .join("\n")}\n</associations>`;
  }
  return `<${name}>${cdata(value)}</${name}>`;
}

const xmlFields = (rec: Json) => Object.entries(rec).map(([k, v]) => `${xmlValue(k, v)}\n`).join("");

/** A list: ids only (no display), or objects with the displayed fields. */
export function listResponse(format: Format, resource: string, singular: string, items: Json[], idsOnly: boolean, baseApiUrl: string, method: string): Response {
  let body: string;
  if (format === "JSON") body = items.length === 0 ? "[]" : JSON.stringify({ [resource]: idsOnly ? items.map((i) => ({ id: i.id })) : items });
  else {
    const inner = items
      .map((i) => (idsOnly ? `<${singular} id="${i.id}" xlink:href="${baseApiUrl}/${resource}/${i.id}"/>\n` : `<${singular}>\n${xmlFields(i)}</${singular}>\n`))
      .join("");
    body = `${XML_HEAD}<${resource}>\n${inner}</${resource}>\n</prestashop>\n`;
  }
  return new Response(method === "HEAD" ? null : body, { status: 200, headers: headers(format) });
}

/** One object: `{"order": {...}}`; with a display parameter the JSON writer lists it as `{"orders": [{...}]}`. */
export function objectResponse(format: Format, resource: string, singular: string, item: Json, displayAsked: boolean, method: string): Response {
  const body =
    format === "JSON"
      ? JSON.stringify(displayAsked ? { [resource]: [item] } : { [singular]: item })
      : `${XML_HEAD}<${singular}>\n${xmlFields(item)}</${singular}>\n</prestashop>\n`;
  return new Response(method === "HEAD" ? null : body, { status: 200, headers: headers(format) });
}

/** An unknown id: status 404 with no body (getFilteredObjectDetails switches the output off). */
export const emptyNotFound = (format: Format) => new Response(null, { status: 404, headers: headers(format) });

/** GET /api/: the resources this key may use. */
export function resourcesResponse(format: Format, permissions: Record<string, string[]>, baseApiUrl: string): Response {
  const entries = Object.entries(permissions).sort(([a], [b]) => a.localeCompare(b));
  const flags = (methods: string[]) => ({ get: methods.includes("GET"), put: methods.includes("PUT"), post: methods.includes("POST"), patch: methods.includes("PATCH"), delete: methods.includes("DELETE"), head: methods.includes("HEAD") });
  const body =
    format === "JSON"
      ? JSON.stringify({ api: Object.fromEntries(entries.map(([r, m]) => [r, { href: `${baseApiUrl}/${r}`, ...flags(m) }])) })
      : `${XML_HEAD}<api shopName="PrestaShop sandbox">\n${entries.map(([r, m]) => `<${r} xlink:href="${baseApiUrl}/${r}" ${Object.entries(flags(m)).map(([k, v]) => `${k}="${v}"`).join(" ")}/>\n`).join("")}</api>\n</prestashop>\n`;
  return new Response(body, { status: 200, headers: headers(format) });
}
