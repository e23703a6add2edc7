import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { appStoreHash } from "../signing";
import { SANDBOX_APP_SECRET } from "./credentials";
import { postHandshake } from "../../sandbox/kit/app-handshake";
import { escapeHtml, html } from "./http";
import type { CcvState } from "./state";

/**
 * The CCV App Store install flow of webshop-apis.md §2.8, played by the sandbox shop, so the
 * installation wizard can be walked in a browser. Mechanics (the URLs are the app's own routes,
 * standing in for what the app registered in CCV's Developer App Center):
 *
 *   GET  <tenant>/onderhoud/AdminItems/AppStore/AppStore.Install.php?install_url=<url>[&handshake_url=<url>][&uninstall_url=<url>]
 *        A shop-admin page with an "Install app" button (a form POSTing to the same address).
 *   POST (same address)
 *        1. POSTs the handshake to handshake_url (default: install_url), server to server:
 *           {"api_public","api_secret","api_root","return_url"} as PHP's json_encode writes it
 *           (slashes escaped), header x-hash = HMAC-SHA512(app secret, handshake_url|raw body).
 *           Anything but HTTP 200 aborts the install (502 page with the app's answer).
 *        2. Redirects the browser (303) to install_url?api_public=…&language=en&x-hash=…,
 *           x-hash = HMAC-SHA512(app secret, install_url|api_public).
 *        The app then calls GET /apps and PATCH /apps/{id} {"is_installed": true} and sends the
 *        browser to return_url: <tenant>/onderhoud/AdminItems/AppStore/AppStore.Return.php?Id=<app id>,
 *        which shows whether the app was marked installed.
 *   POST <tenant>/onderhoud/AdminItems/AppStore/AppStore.Uninstall.php[?uninstall_url=<url>]
 *        POSTs {"api_public"} to the uninstall URL (hashed like the handshake), marks the app
 *        uninstalled and removes its webhooks.
 * The app secret is SANDBOX_APP_SECRET; api_public/api_secret are sandboxCredentials(tenant).
 */
const PREFIX = ["onderhoud", "AdminItems", "AppStore"];

/** PHP's json_encode escapes "/"; the hash covers the raw body, so the app must hash what it received. */
const phpJson = (value: unknown) => JSON.stringify(value).replace(/\//g, "\\/");

const isUrl = (value: string | null): value is string => {
  if (!value) return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

export const isAppStorePath = (path: string[]) => PREFIX.every((p, i) => path[i] === p);

export async function appStore(ctx: SandboxContext<CcvState>): Promise<Response> {
  const page = ctx.path.slice(PREFIX.length).join("/");
  const method = ctx.req.method;
  if (page === "AppStore.Install.php" && method === "GET") return installPage(ctx);
  if (page === "AppStore.Install.php" && method === "POST") return install(ctx);
  if (page === "AppStore.Return.php" && method === "GET") return returnPage(ctx);
  if (page === "AppStore.Uninstall.php" && method === "POST") return uninstall(ctx);
  return html("<h1>Not found</h1>", 404);
}

async function installPage(ctx: SandboxContext<CcvState>): Promise<Response> {
  const installUrl = ctx.url.searchParams.get("install_url");
  if (!isUrl(installUrl)) return html("<h1>Install app</h1><p>The link needs an <code>install_url</code> query parameter (the app's install URL).</p>", 400);
  const { app } = await ctx.read();
  return html(
    `<h1>CCV Shop App Store (sandbox)</h1><p>Webshop <strong>${escapeHtml(ctx.tenant)}</strong></p>` +
      `<h2>${escapeHtml(app.name)}</h2><p>Connects your webshop to your accounting system. Installing gives the app access to your orders and invoices.</p>` +
      `<form method="post" action="${escapeHtml(ctx.url.pathname + ctx.url.search)}"><button type="submit">Install app</button></form>`,
  );
}

async function install(ctx: SandboxContext<CcvState>): Promise<Response> {
  const installUrl = ctx.url.searchParams.get("install_url");
  const handshakeUrl = ctx.url.searchParams.get("handshake_url") ?? installUrl;
  const uninstallUrl = ctx.url.searchParams.get("uninstall_url");
  if (!isUrl(installUrl) || !isUrl(handshakeUrl) || (uninstallUrl !== null && !isUrl(uninstallUrl))) {
    return html("<h1>Install app</h1><p><code>install_url</code> (and <code>handshake_url</code>, <code>uninstall_url</code> when given) must be http(s) URLs.</p>", 400);
  }
  const { credentials, app } = await ctx.read();
  const body = phpJson({
    api_public: credentials.publicKey,
    api_secret: credentials.secretKey,
    api_root: ctx.baseUrl,
    return_url: `${ctx.baseUrl}/onderhoud/AdminItems/AppStore/AppStore.Return.php?Id=${app.id}`,
  });
  const failed = await postHandshake(handshakeUrl, { "x-hash": appStoreHash(SANDBOX_APP_SECRET, handshakeUrl, body) }, body);
  if (failed) return html(failed, 502);
  await ctx.update((s) => {
    s.app = { ...s.app, is_installed: false, handshake_url: handshakeUrl, install_url: installUrl, uninstall_url: uninstallUrl ?? s.app.uninstall_url };
  });
  const location = new URL(installUrl);
  location.searchParams.set("api_public", credentials.publicKey);
  location.searchParams.set("language", "en");
  location.searchParams.set("x-hash", appStoreHash(SANDBOX_APP_SECRET, installUrl, credentials.publicKey));
  return new Response(null, { status: 303, headers: { location: location.toString() } });
}

async function returnPage(ctx: SandboxContext<CcvState>): Promise<Response> {
  const { app } = await ctx.read();
  return app.is_installed
    ? html(`<h1>App installed</h1><p>${escapeHtml(app.name)} is installed in webshop <strong>${escapeHtml(ctx.tenant)}</strong>.</p>`)
    : html(`<h1>Installation not finished</h1><p>${escapeHtml(app.name)} has not marked itself installed (PATCH /api/rest/v1/apps/${app.id}).</p>`, 409);
}

async function uninstall(ctx: SandboxContext<CcvState>): Promise<Response> {
  const { credentials, app } = await ctx.read();
  const target = ctx.url.searchParams.get("uninstall_url") ?? app.uninstall_url ?? null;
  let status: number | string = "not called (no uninstall URL)";
  if (isUrl(target)) {
    const body = phpJson({ api_public: credentials.publicKey });
    status = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hash": appStoreHash(SANDBOX_APP_SECRET, target, body) },
      body,
      signal: AbortSignal.timeout(15_000),
    }).then((r) => r.status, (err: Error) => `unreachable (${err.message})`);
  }
  await ctx.update((s) => {
    s.app = { ...s.app, is_installed: false };
    s.webhooks = [];
  });
  return html(`<h1>App removed</h1><p>The uninstall call answered: ${escapeHtml(String(status))}.</p>`);
}
