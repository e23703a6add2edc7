import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "../config/env";
import { authSecret } from "../crypto/keys";
import { viewAsMessages } from "../i18n/messages/view-as";
import { localeFromAcceptLanguage, parseLocale, DEFAULT_LOCALE } from "../i18n/locale";
import { translator } from "../i18n/translate";
import { READ_ONLY_PAGE, VIEW_AS_COOKIE, VIEW_AS_STOP_PATH, verifyViewAs } from "./view-as";

const SIGN_OUT_PATH = "/api/auth/signout";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * THE choke point of "view as merchant" (mounted by proxy.ts for every request): while an operator
 * views a merchant's dashboard, every state-changing request is refused before any route handler,
 * page or server action runs, so no merchant data can change whatever the page offers. Only Stop
 * and logging out pass; logging out also ends the view.
 *
 * "Viewing" means: a view-as cookie we signed, not expired, naming the signed-in user as the
 * operator who started it (the session token says who is signed in). A forged, expired or someone
 * else's cookie is ignored here as it is in lib/auth/session.ts. Whether that user is still an
 * operator is left to session.ts (it needs the database): here a valid cookie only ever refuses.
 */
export async function readOnlyGuard(req: NextRequest): Promise<NextResponse> {
  const cookie = req.cookies.get(VIEW_AS_COOKIE)?.value;
  if (!cookie || SAFE_METHODS.has(req.method)) return NextResponse.next();
  const path = req.nextUrl.pathname;
  if (path === SIGN_OUT_PATH) {
    const res = NextResponse.next();
    res.cookies.delete(VIEW_AS_COOKIE);
    return res;
  }
  if (path === VIEW_AS_STOP_PATH) return NextResponse.next();
  const claim = verifyViewAs(cookie);
  if (!claim) return NextResponse.next();
  const token = await getToken({ req, secret: authSecret(), secureCookie: env().APP_URL.startsWith("https://") }).catch(() => null);
  if (!token || token.userId !== claim.operatorId) return NextResponse.next();
  return refusal(req);
}

function refusal(req: NextRequest): NextResponse {
  const locale = parseLocale(req.cookies.get("locale")?.value, localeFromAcceptLanguage(req.headers.get("accept-language")) ?? DEFAULT_LOCALE);
  const message = translator(viewAsMessages, locale)("refused");
  const back = backPath(req);
  const page = `${READ_ONLY_PAGE}?back=${encodeURIComponent(back)}`;
  // A server action: Next's client follows x-action-redirect to the page that explains; should it not,
  // it throws the plain-text body as the error message.
  if (req.headers.get("next-action")) {
    return new NextResponse(message, { status: 403, headers: { "content-type": "text/plain", "x-action-redirect": `${page};push` } });
  }
  // A plain form post (no JavaScript): land on the page that explains.
  if ((req.headers.get("accept") ?? "").includes("text/html")) return NextResponse.redirect(new URL(page, env().APP_URL), 303);
  return NextResponse.json({ error: "read_only", message }, { status: 403 });
}

/** The page the refused request came from (same site only), to link back to. */
function backPath(req: NextRequest): string {
  const referer = req.headers.get("referer");
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.host === req.nextUrl.host) return `${url.pathname}${url.search}`;
    } catch { /* not a URL: fall through */ }
  }
  return "/dashboard";
}
