import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { APP_STORE_INSTALL_PATH, INSTALL_HEADERS, INSTALL_REDIRECT_PARAMS as P, installCallSignature, installRedirectSignature } from "../contract";
import { SANDBOX_APP } from "./credentials";
import { postHandshake } from "../../sandbox/kit/app-handshake";
import { escapeHtml, html } from "./http";
import type { KmoState } from "./state";

/**
 * The app-store install of contract.ts, played by the sandbox shop so the wizard can be walked in
 * a browser:
 *
 *   GET  <tenant>/admin/apps/install?app=<id>&state=<opaque>[&install_url=][&handshake_url=][&uninstall_url=]
 *        The shop backend's app page with an "Install app" button (a form POSTing to the same address).
 *        Without the *_url parameters the app's registered routes are used: SANDBOX_APP's paths on
 *        the origin the sandbox is served from (the app itself).
 *   POST (same address)
 *        1. POSTs the handshake {shop_id, shop_name, api_root, api_key, webhook_secret, state,
 *           return_url} to the handshake URL, headers x-kmo-timestamp and x-kmo-signature =
 *           hex HMAC-SHA256(app secret, "<timestamp>.<raw body>"). Anything but 200 aborts (502 page).
 *        2. 303 to <install URL>?shop_id=…&state=…&timestamp=…&language=nl&signature=…, the signature
 *           being hex HMAC-SHA256(app secret, the sorted query without signature).
 *   GET  <tenant>/admin/apps/installed: the return page.
 *   POST <tenant>/admin/apps/uninstall[?uninstall_url=]: POSTs {shop_id, uninstalled_at}, signed like
 *        the handshake, revokes the API key and deletes the app's webhooks.
 * The app secret is SANDBOX_APP.secret; the credentials handed over are sandboxCredentials(tenant).
 */
const PREFIX = APP_STORE_INSTALL_PATH.split("/").filter(Boolean).slice(0, -1); // ["admin", "apps"]

export const isAppStorePath = (path: string[]) => PREFIX.every((p, i) => path[i] === p) && path.length === PREFIX.length + 1;

const isUrl = (value: string | null): value is string => !!value && URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol);

export async function appStore(ctx: SandboxContext<KmoState>): Promise<Response> {
  const page = ctx.path[PREFIX.length];
  const method = ctx.req.method;
  if (page === "install" && method === "GET") return installPage(ctx);
  if (page === "install" && method === "POST") return install(ctx);
  if (page === "installed" && method === "GET") return installedPage(ctx);
  if (page === "uninstall" && method === "POST") return uninstall(ctx);
  return html("<h1>Not found</h1>", 404);
}

/** The app's routes: as registered (on the app's origin), unless the link overrides them. */
function appUrls(ctx: SandboxContext<KmoState>) {
  const q = ctx.url.searchParams;
  const origin = ctx.url.origin;
  const installUrl = q.get("install_url") ?? `${origin}${SANDBOX_APP.installPath}`;
  return {
    installUrl,
    handshakeUrl: q.get("handshake_url") ?? `${origin}${SANDBOX_APP.handshakePath}`,
    uninstallUrl: q.get("uninstall_url") ?? `${origin}${SANDBOX_APP.uninstallPath}`,
  };
}

function checkLink(ctx: SandboxContext<KmoState>): Response | null {
  const app = ctx.url.searchParams.get("app");
  if (app !== null && app !== SANDBOX_APP.id) return html(`<h1>Unknown app</h1><p>No app "${escapeHtml(app)}" in this app store.</p>`, 404);
  const urls = appUrls(ctx);
  if (![urls.installUrl, urls.handshakeUrl, urls.uninstallUrl].every(isUrl)) return html("<h1>Install app</h1><p><code>install_url</code>, <code>handshake_url</code> and <code>uninstall_url</code> must be http(s) URLs.</p>", 400);
  return null;
}

async function installPage(ctx: SandboxContext<KmoState>): Promise<Response> {
  const bad = checkLink(ctx);
  if (bad) return bad;
  const { shop } = await ctx.read();
  return html(
    `<h1>KMO Shops app store (sandbox)</h1><p>Shop <strong>${escapeHtml(shop.name)}</strong></p>` +
      `<h2>${escapeHtml(SANDBOX_APP.name)}</h2><p>Connects your webshop to your accounting system. Installing gives the app read access to your orders and lets it receive order notifications.</p>` +
      `<form method="post" action="${escapeHtml(ctx.url.pathname + ctx.url.search)}"><button type="submit">Install app</button></form>`,
  );
}

async function install(ctx: SandboxContext<KmoState>): Promise<Response> {
  const bad = checkLink(ctx);
  if (bad) return bad;
  const { installUrl, handshakeUrl, uninstallUrl } = appUrls(ctx);
  const state = ctx.url.searchParams.get("state");
  const { credentials, shop } = await ctx.read();
  const body = JSON.stringify({
    shop_id: credentials.shopId,
    shop_name: shop.name,
    api_root: ctx.baseUrl,
    api_key: credentials.apiKey,
    webhook_secret: credentials.webhookSecret,
    state,
    return_url: `${ctx.baseUrl}/admin/apps/installed`,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signed = { [INSTALL_HEADERS.timestamp]: timestamp, [INSTALL_HEADERS.signature]: installCallSignature(SANDBOX_APP.secret, timestamp, body) };
  const failed = await postHandshake(handshakeUrl, signed, body);
  if (failed) return html(failed, 502);
  await ctx.update((s) => void (s.app = { installed: true, installedAt: new Date().toISOString(), uninstallUrl }));

  const params: Record<string, string> = { [P.shopId]: credentials.shopId, [P.timestamp]: timestamp, [P.language]: "nl" };
  if (state !== null) params[P.state] = state;
  const location = new URL(installUrl);
  for (const [k, v] of Object.entries(params)) location.searchParams.set(k, v);
  location.searchParams.set(P.signature, installRedirectSignature(SANDBOX_APP.secret, params));
  return new Response(null, { status: 303, headers: { location: location.toString() } });
}

async function installedPage(ctx: SandboxContext<KmoState>): Promise<Response> {
  const { app, shop } = await ctx.read();
  return app.installed
    ? html(`<h1>App installed</h1><p>${escapeHtml(SANDBOX_APP.name)} is installed in <strong>${escapeHtml(shop.name)}</strong>.</p>`)
    : html(`<h1>App not installed</h1><p>${escapeHtml(SANDBOX_APP.name)} is not installed in this shop.</p>`, 409);
}

async function uninstall(ctx: SandboxContext<KmoState>): Promise<Response> {
  const { credentials, app } = await ctx.read();
  const target = ctx.url.searchParams.get("uninstall_url") ?? app.uninstallUrl ?? `${ctx.url.origin}${SANDBOX_APP.uninstallPath}`;
  let status: number | string = "not called (no uninstall URL)";
  if (isUrl(target)) {
    const body = JSON.stringify({ shop_id: credentials.shopId, uninstalled_at: new Date().toISOString() });
    const timestamp = String(Math.floor(Date.now() / 1000));
    status = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", [INSTALL_HEADERS.timestamp]: timestamp, [INSTALL_HEADERS.signature]: installCallSignature(SANDBOX_APP.secret, timestamp, body) },
      body,
      signal: AbortSignal.timeout(15_000),
    }).then((r) => r.status, (err: Error) => `unreachable (${err.message})`);
  }
  await ctx.update((s) => {
    s.app = { installed: false };
    s.webhooks = [];
  });
  return html(`<h1>App removed</h1><p>The uninstall call answered: ${escapeHtml(String(status))}.</p>`);
}
