import { NextResponse, type NextRequest } from "next/server";
import { readOnlyGuard } from "@/lib/auth/read-only-guard";
import { env } from "@/lib/config/env";
import { checkCsrf } from "@/lib/security/csrf";
import { setSecurityHeaders } from "@/lib/security/headers";

/**
 * Runs before every route: the cross-site request guard (lib/security/csrf.ts), the read-only
 * choke point of "view as merchant" (lib/auth/read-only-guard.ts), and the security headers on
 * whatever is answered (lib/security/headers.ts).
 */
export async function proxy(req: NextRequest) {
  const csrf = checkCsrf({ method: req.method, path: req.nextUrl.pathname, headers: req.headers }, env().APP_URL);
  const res = csrf.ok
    ? await readOnlyGuard(req)
    : NextResponse.json({ error: "cross_site_request", message: "This request came from another site and was refused." }, { status: 403 });
  setSecurityHeaders(res, req);
  return res;
}

/**
 * Everything but static files and the two machine endpoints that take the most requests: shops'
 * webhooks and the executor's calls to /api/inngest. Both are signed, exempt from the cross-site
 * guard, and never used from a merchant's browser (so "view as" has nothing to refuse there); they
 * set the security headers themselves (withSecurityHeaders), and skipping this layer keeps a
 * flood's acknowledgements fast.
 */
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/webhooks/|api/inngest).*)"] };
