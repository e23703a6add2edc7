/** Magento 1's REST error body (Mage_Api2_Model_Server::_renderException). */
export function apiError(status: number, message: string): Response {
  return Response.json({ messages: { error: [{ code: status, message }] } }, { status });
}

/** The OAuth endpoints answer form-encoded text; problems as oauth_problem=<code>[&…] (Mage_Oauth_Model_Server::reportProblem). */
export const formText = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "application/x-www-form-urlencoded" } });

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const html = (title: string, body: string, status = 200) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} / Magento Admin (sandbox)</title></head>` +
      `<body style="font-family:sans-serif;max-width:48rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );

export const htmlNotFound = () =>
  new Response("<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Whoops, our bad...</h1><p>The page you requested was not found.</p></body></html>", {
    status: 404,
    headers: { "content-type": "text/html; charset=UTF-8" },
  });
