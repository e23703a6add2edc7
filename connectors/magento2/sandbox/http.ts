import { escapeHtml } from "../../sandbox/kit/html";

/** Magento's REST error body: {"message": "…%1…", "parameters": […] | {name: value}} (webshop-apis.md §1.12). */
export function magentoError(status: number, message: string, parameters?: unknown[] | Record<string, unknown>): Response {
  return Response.json(parameters === undefined ? { message } : { message, parameters }, { status });
}

export const notFound = () => magentoError(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
export const routeNotFound = () => magentoError(404, "Request does not match any route.");

/** The OAuth token endpoints answer form-encoded text, errors as oauth_problem=… (Magento's Oauth\Helper\Request). */
export const formText = (fields: Record<string, string>, status = 200) =>
  new Response(new URLSearchParams(fields).toString(), { status, headers: { "content-type": "text/html; charset=UTF-8" } });

export { escapeHtml };

export const html = (title: string, body: string, status = 200) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} / Magento Admin (sandbox)</title></head>` +
      `<body style="font-family:sans-serif;max-width:52rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );

/** A web server's 404 page: what a shop without working /rest rewrites answers. */
export const htmlNotFound = () =>
  new Response("<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Whoops, our bad...</h1><p>The page you requested was not found.</p></body></html>", {
    status: 404,
    headers: { "content-type": "text/html; charset=UTF-8" },
  });
