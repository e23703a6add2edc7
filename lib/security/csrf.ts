/**
 * Cross-site request forgery guard for every state-changing request (proxy.ts). A browser attaches
 * the session cookie to a cross-site POST, but also says where the request comes from: `Origin`
 * (every current browser sends it on a cross-origin POST), else `Referer`. A request naming
 * another site, or `Origin: null` (a sandboxed frame, a cross-site redirect), is refused before any
 * route handler or server action runs. A request naming no origin at all did not come from a
 * browser page of another site and passes. Server actions also have Next's own Origin check.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Called by other servers, never with a merchant's cookie, each authenticated on its own: shops'
 * webhooks and app-store handshakes (signatures), Mollie (the payment is fetched from Mollie),
 * Magento's activation callback (signed), the Inngest executor (signing key); next-auth (its own
 * double-submit CSRF token); the sandboxes (simulated external systems).
 */
export const CSRF_EXEMPT_PREFIXES = [
  "/api/webhooks",
  "/api/inngest",
  "/api/billing/mollie/webhook",
  "/api/install/ccvshop",
  "/api/install/kmoshops/handshake",
  "/api/install/kmoshops/uninstall",
  "/api/install/magento2/callback",
  "/api/auth",
  "/sandbox",
] as const;

export const isCsrfExempt = (path: string) => CSRF_EXEMPT_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/** The hosts this app answers as: the Host header, a proxy's X-Forwarded-Host, and APP_URL's. */
function ownHosts(headers: Headers, appUrl: string): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  if (URL.canParse(appUrl)) hosts.add(new URL(appUrl).host.toLowerCase());
  return hosts;
}

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkCsrf(req: { method: string; path: string; headers: Headers }, appUrl: string): CsrfVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase()) || isCsrfExempt(req.path)) return { ok: true };
  const origin = req.headers.get("origin");
  const referer = req.headers.get("referer");
  const claimed = origin ?? (referer && URL.canParse(referer) ? new URL(referer).origin : referer);
  if (claimed === null || claimed === undefined || claimed === "") return { ok: true };
  if (claimed === "null" || !URL.canParse(claimed)) return { ok: false, reason: `origin ${claimed}` };
  const host = new URL(claimed).host.toLowerCase();
  return ownHosts(req.headers, appUrl).has(host) ? { ok: true } : { ok: false, reason: `origin ${claimed}` };
}
