/** Mollie's own answer shapes: application/hal+json, errors as {status, title, detail, field?, _links}. */
const HAL = { "content-type": "application/hal+json; charset=utf-8" };

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized Request",
  404: "Not Found",
  405: "Method Not Allowed",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function mollieProblem(status: number, detail: string, field?: string, docs = "https://docs.mollie.com/overview/handling-errors"): Response {
  return new Response(
    JSON.stringify({ status, title: TITLES[status] ?? "Error", detail, ...(field ? { field } : {}), _links: { documentation: { href: docs, type: "text/html" } } }),
    { status, headers: HAL },
  );
}

export const halJson = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: HAL });

export const unauthorized = () => mollieProblem(401, "Missing authentication, or failed to authenticate", undefined, "https://docs.mollie.com/overview/authentication");
