export { escapeHtml, html, htmlNotFound } from "../../magento2/sandbox/http";

/** Magento 1's REST error body (Mage_Api2_Model_Server::_renderException). */
export function apiError(status: number, message: string): Response {
  return Response.json({ messages: { error: [{ code: status, message }] } }, { status });
}

/** The OAuth endpoints answer form-encoded text; problems as oauth_problem=<code>[&…] (Mage_Oauth_Model_Server::reportProblem). */
export const formText = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "application/x-www-form-urlencoded" } });
