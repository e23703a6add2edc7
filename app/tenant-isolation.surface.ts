import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The app's attack surface as the file system defines it: every page, route handler and server
 * action module under app/. tenant-isolation.int.test.ts walks this list, so a new entry point is
 * tested (or must be declared public below, with its reason) the moment its file exists.
 */
export type EntryKind = "page" | "route" | "actions";
export type Entry = { kind: EntryKind; file: string; route: string; params: string[] };

const APP = path.resolve(import.meta.dirname);

export function discoverEntries(): Entry[] {
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).map((f) => f.split(path.sep).join("/")).sort();
  const entries: Entry[] = [];
  for (const file of files) {
    const name = path.posix.basename(file);
    const kind: EntryKind | null = name === "page.tsx" ? "page" : name === "route.ts" ? "route" : name === "actions.ts" ? "actions" : null;
    if (!kind) continue;
    const dir = path.posix.dirname(file);
    const segments = dir === "." ? [] : dir.split("/");
    const params = segments.flatMap((s) => /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(s)?.[1] ?? []);
    const route = "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).join("/");
    entries.push({ kind, file: `app/${file}`, route, params });
  }
  return entries;
}

/**
 * Entry points that deliberately take no tenant-scoped id from the caller's session, each with why
 * B holding A's ids gains nothing there. Everything else must answer B exactly as it answers an id
 * that does not exist: a 404.
 */
export const PUBLIC_ENTRIES: Record<string, string> = {
  // Marketing, log in, sign up, terms: no tenant data at all.
  "app/(public)/page.tsx": "landing page, no tenant data",
  "app/(public)/integrations/page.tsx": "catalogue of supported systems, no tenant data",
  "app/(public)/login/page.tsx": "log-in form",
  "app/(public)/forgot-password/page.tsx": "password reset request form; answers the same for any address",
  "app/(public)/forgot-password/actions.ts": "password reset request; answers the same for any address (lib/auth/password-reset.int.test.ts)",
  "app/(public)/reset-password/page.tsx": "password reset form; the single-use token is the capability (lib/auth/password-reset.int.test.ts)",
  "app/(public)/reset-password/actions.ts": "sets a password for the holder of a valid reset token only (lib/auth/password-reset.int.test.ts)",
  "app/(public)/signup/page.tsx": "sign-up form",
  "app/(public)/signup/actions.ts": "creates a new account; takes no existing id",
  "app/(public)/signup/sent/page.tsx": "static confirmation",
  "app/(public)/terms/page.tsx": "static terms",
  // Authenticated by something other than the session: each has its own tests.
  "app/api/auth/[...nextauth]/route.ts": "next-auth's log-in endpoints (lib/auth/authenticate.int.test.ts)",
  "app/api/inngest/route.ts": "the Inngest executor's endpoint, signed with the signing key / loopback only",
  "app/api/webhooks/[system]/[licenseKey]/route.ts": "shops' webhooks: authenticated by the shop's signature (route.int.test.ts, webhook-security.int.test.ts)",
  "app/api/billing/mollie/webhook/route.ts": "Mollie posts a payment id only; the status is fetched from Mollie, nothing is returned",
  "app/api/install/ccvshop/route.ts": "CCV App Store handshake/install: signed with the app secret (ccvshop-install.int.test.ts)",
  "app/api/install/ccvshop/uninstall/route.ts": "CCV App Store uninstall: signed with the app secret",
  "app/api/install/kmoshops/handshake/route.ts": "KMO app-store handshake: signed with the app secret, timestamped (kmoshops-install.int.test.ts)",
  "app/api/install/kmoshops/install/route.ts": "KMO install redirect: signed, timestamped, state-bound",
  "app/api/install/kmoshops/uninstall/route.ts": "KMO uninstall: signed with the app secret",
  "app/api/install/magento1/callback/route.ts": "OAuth 1.0a callback: bound to the pending request token (magento1-install.int.test.ts)",
  "app/api/install/magento2/callback/route.ts": "Magento 2 activation callback: signed by the shop (magento2-install.int.test.ts)",
  "app/api/install/magento2/consent/route.ts": "consent: checks the pending install's integration belongs to the signed-in account (magento2-install.int.test.ts)",
  "app/api/install/claim/route.ts": "needs a claim token we signed for the installing browser (lib/install/pending-installs.int.test.ts)",
  "app/api/oauth/[system]/callback/route.ts": "OAuth callback: bound to a signed, single-use state (oauth-state tests)",
  "app/api/locale/route.ts": "sets the language cookie only",
  "app/api/ops/view-as/stop/route.ts": "only ever removes the caller's own view-as cookie",
  "app/sandbox/[...path]/route.ts": "the simulated shops and accounting systems, sandbox mode only",
  "app/mailbox/page.tsx": "the sandbox's shared test mailbox: 404 unless SANDBOX=1",
  "app/mailbox/[mailId]/page.tsx": "the sandbox's shared test mailbox: 404 unless SANDBOX=1",
  "app/install/app-store/[system]/page.tsx": "App Store landing: needs a claim token we signed",
  "app/install/app-store/[system]/actions.ts": "App Store trial: needs a claim token we signed",
  "app/install/magento2/identity/page.tsx": "Magento identity link: shows a consent form only; consent checks the owner",
  // Lists of the session's own data: no id to swap.
  "app/dashboard/page.tsx": "redirects to the session's own first integration",
  "app/dashboard/read-only/page.tsx": "static explanation",
  "app/dashboard/profile/page.tsx": "the session's own account",
  "app/dashboard/support/page.tsx": "the session's own tickets",
};
