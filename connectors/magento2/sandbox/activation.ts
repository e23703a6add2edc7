import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { randomToken } from "./credentials";
import { escapeHtml, html } from "./http";
import type { Integration, Magento2State } from "./state";

/**
 * System > Extensions > Integrations of the sandbox shop (the merchant's browser), under
 * /admin/integrations. Activate does what Magento does (webshop-apis.md §1.1): with a callback URL
 * it POSTs oauth_consumer_key, oauth_consumer_secret, store_base_url and oauth_verifier there
 * (form-encoded) and, on 200, opens the identity link with oauth_consumer_key and
 * success_call_back; the app then calls /oauth/token/request and /oauth/token/access. Without a
 * callback URL (the 2.4.4+ manual path) the four keys are shown at once.
 * Every page also answers JSON when the request sends or accepts JSON, for scripted tests.
 */
export async function integrationsAdmin(ctx: SandboxContext<Magento2State>, sub: string[]): Promise<Response> {
  const [id, action] = sub;
  const method = ctx.req.method;
  const wantsJson = /json/i.test(ctx.req.headers.get("content-type") ?? "") || /application\/json/i.test(ctx.req.headers.get("accept") ?? "");
  const link = (path = "") => `${ctx.baseUrl}/admin/integrations${path}`;

  if (!id && method === "GET") return listPage(await ctx.read(), link);
  if (!id && method === "POST") {
    const input = await readInput(ctx.req);
    const name = input.name?.trim();
    if (!name) return wantsJson ? Response.json({ message: "The integration needs a name." }, { status: 400 }) : html("New integration", `<p>The integration needs a name.</p><p><a href="${link()}">Back</a></p>`, 400);
    const created = await ctx.update((s) => {
      const integration: Integration = {
        id: s.seq.integration++,
        name,
        callbackUrl: input.callback_url?.trim() || undefined,
        identityLinkUrl: input.identity_link_url?.trim() || undefined,
        consumerKey: randomToken(),
        consumerSecret: randomToken(),
        status: "inactive",
      };
      s.integrations.push(integration);
      return integration;
    });
    if (input.activate === "1" || input.activate === "true") return activate(ctx, created.id, wantsJson, link);
    return wantsJson ? Response.json({ id: created.id, name: created.name, status: created.status }, { status: 201 }) : Response.redirect(link(), 303);
  }
  const integrationId = Number(id);
  const existing = (await ctx.read()).integrations.find((i) => i.id === integrationId);
  if (!existing) return wantsJson ? Response.json({ message: `Integration ${id} does not exist.` }, { status: 404 }) : html("Integration not found", `<p>No integration ${escapeHtml(id ?? "")}.</p>`, 404);
  if (action === "activate" && method === "POST") return activate(ctx, integrationId, wantsJson, link);
  if (!action && method === "GET") return wantsJson ? Response.json(summary(existing, true)) : detailPage(existing, link);
  if (action === "done" && method === "GET") {
    return html(`Integration ${existing.name}`, `<p>Status: <strong id="status">${existing.status === "active" ? "Active" : "Inactive"}</strong></p><p><a href="${link()}">Back to Integrations</a></p>`);
  }
  return new Response("Not found", { status: 404 });
}

/** Activate / Reauthorize: a fresh verifier token; then the callback POST or the keys on screen. */
async function activate(ctx: SandboxContext<Magento2State>, id: number, wantsJson: boolean, link: (p?: string) => string): Promise<Response> {
  const integration = await ctx.update((s) => {
    const i = s.integrations.find((x) => x.id === id)!;
    i.activatedAt = new Date().toISOString();
    if (i.callbackUrl) {
      i.status = "inactive"; // Active only once the app has exchanged the tokens
      i.token = { type: "verifier", token: randomToken(), secret: randomToken(), verifier: randomToken() };
    } else {
      i.status = "active";
      i.token = { type: "access", token: randomToken(), secret: randomToken(), verifier: "" };
    }
    return structuredClone(i);
  });
  if (!integration.callbackUrl) return wantsJson ? Response.json(summary(integration, true)) : detailPage(integration, link);

  const body = new URLSearchParams({
    oauth_consumer_key: integration.consumerKey,
    oauth_consumer_secret: integration.consumerSecret,
    store_base_url: `${ctx.baseUrl}/`,
    oauth_verifier: integration.token!.verifier,
  });
  let status: number;
  let answer: string;
  try {
    const res = await fetch(integration.callbackUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString(), signal: AbortSignal.timeout(30_000) });
    status = res.status;
    answer = (await res.text()).slice(0, 500);
  } catch (err) {
    status = 0;
    answer = (err as Error).message;
  }
  if (status < 200 || status >= 300) {
    const message = `Sorry, something went wrong. The callback URL ${integration.callbackUrl} answered ${status || "nothing"}: ${answer}`;
    return wantsJson ? Response.json({ message, callback: { status, body: answer } }, { status: 502 }) : html("Integration not activated", `<p>${escapeHtml(message)}</p>`, 502);
  }
  const identityLink = integration.identityLinkUrl ? withQuery(integration.identityLinkUrl, { oauth_consumer_key: integration.consumerKey, success_call_back: link(`/${integration.id}/done`) }) : undefined;
  if (wantsJson) return Response.json({ ...summary(integration, false), callback: { status }, identity_link: identityLink ?? null });
  return html(
    `Integration ${integration.name}`,
    `<p>The keys were sent to the callback URL. Magento now opens the identity link in a new window; log in there and consent to connect.</p>` +
      (identityLink ? `<p><a id="identity-link" href="${escapeHtml(identityLink)}" target="_blank" rel="opener">Open the identity link</a></p>` : "<p>This integration has no identity link URL.</p>") +
      `<p>Status: <a href="${link(`/${integration.id}/done`)}">check whether the integration is Active</a></p>`,
  );
}

const withQuery = (url: string, params: Record<string, string>) => `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params).toString()}`;

function summary(i: Integration, withTokens: boolean) {
  const showKeys = withTokens && i.status === "active" && i.token?.type === "access";
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    callback_url: i.callbackUrl ?? null,
    identity_link_url: i.identityLinkUrl ?? null,
    ...(showKeys ? { consumer_key: i.consumerKey, consumer_secret: i.consumerSecret, access_token: i.token!.token, access_token_secret: i.token!.secret } : {}),
  };
}

function listPage(state: Magento2State, link: (p?: string) => string): Response {
  const rows = state.integrations
    .map((i) => `<tr><td><a href="${link(`/${i.id}`)}">${escapeHtml(i.name)}</a></td><td>${i.status === "active" ? "Active" : "Inactive"}</td><td><form method="post" action="${link(`/${i.id}/activate`)}"><button>${i.status === "active" ? "Reauthorize" : "Activate"}</button></form></td></tr>`)
    .join("");
  return html(
    "Integrations",
    `<table><thead><tr><th>Name</th><th>Status</th><th></th></tr></thead><tbody>${rows}</tbody></table>` +
      `<h2>Add New Integration</h2><form method="post" action="${link()}">` +
      `<p><label>Name <input name="name" required></label></p>` +
      `<p><label>Callback URL <input name="callback_url" size="80"></label></p>` +
      `<p><label>Identity link URL <input name="identity_link_url" size="80"></label></p>` +
      `<p><label><input type="checkbox" name="activate" value="1"> Save &amp; Activate</label></p><p><button>Save</button></p></form>`,
  );
}

function detailPage(i: Integration, link: (p?: string) => string): Response {
  const keys = summary(i, true);
  const tokens = "consumer_key" in keys
    ? `<h2>Integration Tokens for Extensions</h2><dl>` +
      [["Consumer Key", keys.consumer_key], ["Consumer Secret", keys.consumer_secret], ["Access Token", keys.access_token], ["Access Token Secret", keys.access_token_secret]]
        .map(([label, value]) => `<dt>${label}</dt><dd><code>${escapeHtml(String(value))}</code></dd>`)
        .join("") + "</dl>"
    : "";
  return html(`Integration ${i.name}`, `<p>Status: <strong>${i.status === "active" ? "Active" : "Inactive"}</strong></p>${tokens}<p><a href="${link()}">Back to Integrations</a></p>`);
}

async function readInput(req: Request): Promise<Record<string, string | undefined>> {
  const text = await req.text();
  if (/json/i.test(req.headers.get("content-type") ?? "")) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text).entries());
}
