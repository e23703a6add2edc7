import { escapeHtml } from "@/connectors/sandbox/kit/html";
import type { Locale } from "../i18n/locale";

/** A plain page with one sentence, for answers of routes a merchant opens from a mail (invalid link, provider down). */
export function messagePage(locale: Locale, title: string, message: string, status: number): Response {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} – Boekkoppeling</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.5rem;color:#0f172a}a{color:#1d4ed8}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/dashboard/profile">Boekkoppeling</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}
