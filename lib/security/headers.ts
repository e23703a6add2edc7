/**
 * The security headers of every response (proxy.ts). The Content-Security-Policy allows inline
 * scripts and styles because Next's App Router streams its payload in inline <script> tags and
 * React/Tailwind use inline styles (a nonce would force every page to render dynamically); what it
 * does forbid: other sites' scripts, connections, plugins, <base> tricks, and being framed.
 */
export function securityHeaders(options: { https: boolean; dev?: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Served over https: the request itself, or the TLS-terminating proxy in front of it says so. */
export const servedOverHttps = (url: string, headers: Headers) =>
  url.startsWith("https://") || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";

/** Sets the security headers on a response to `req` (proxy.ts for most routes, withSecurityHeaders for the rest). */
export function setSecurityHeaders(res: Response, req: { url: string; headers: Headers }): void {
  const headers = securityHeaders({ https: servedOverHttps(req.url, req.headers), dev: process.env.NODE_ENV === "development" });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
}

/**
 * For a route handler that proxy.ts does not run before (the machine endpoints, see its matcher):
 * the same headers on whatever the handler answers.
 */
export function withSecurityHeaders<R extends Request, A extends unknown[]>(handler: (req: R, ...rest: A) => Response | Promise<Response>) {
  return async (req: R, ...rest: A): Promise<Response> => {
    const res = await handler(req, ...rest);
    setSecurityHeaders(res, req);
    return res;
  };
}
