import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { randomToken } from "../../magento2/sandbox/credentials";
import { escapeHtml, html } from "./http";
import type { Consumer, Magento1State } from "./state";

/**
 * System > Web Services > REST - OAuth Consumers (/admin/oauth_consumer): the list, and Add New
 * (name, callback URL, rejected callback URL; key and secret generated). JSON in and out when the
 * request sends JSON, for scripted tests.
 */
export async function consumersAdmin(ctx: SandboxContext<Magento1State>): Promise<Response> {
  const wantsJson = /json/i.test(ctx.req.headers.get("content-type") ?? "") || /application\/json/i.test(ctx.req.headers.get("accept") ?? "");
  if (ctx.req.method === "GET") {
    const consumers = (await ctx.read()).consumers;
    if (wantsJson) return Response.json(consumers.map(present));
    const rows = consumers.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td><code>${c.key}</code></td><td><code>${c.secret}</code></td><td>${escapeHtml(c.callbackUrl ?? "")}</td></tr>`).join("");
    return html(
      "REST - OAuth Consumers",
      `<table><thead><tr><th>Name</th><th>Key</th><th>Secret</th><th>Callback URL</th></tr></thead><tbody>${rows}</tbody></table>` +
        `<h2>Add New</h2><form method="post"><p><label>Name <input name="name" required></label></p><p><label>Callback URL <input name="callback_url" size="80"></label></p>` +
        `<p><label>Rejected Callback URL <input name="rejected_callback_url" size="80"></label></p><p><button>Save</button></p></form>`,
    );
  }
  if (ctx.req.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const text = await ctx.req.text();
  const input: Record<string, unknown> = wantsJson ? (JSON.parse(text || "{}") as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(text).entries());
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name) return wantsJson ? Response.json({ error: "Name is required." }, { status: 400 }) : html("REST - OAuth Consumers", "<p>Name is required.</p>", 400);
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const consumer = await ctx.update((s) => {
    const created: Consumer = { id: s.seq.consumer++, name, key: randomToken(), secret: randomToken(), callbackUrl: str(input.callback_url), rejectedCallbackUrl: str(input.rejected_callback_url) };
    s.consumers.push(created);
    return created;
  });
  return wantsJson ? Response.json(present(consumer), { status: 201 }) : Response.redirect(`${ctx.baseUrl}/admin/oauth_consumer`, 303);
}

const present = (c: Consumer) => ({ id: c.id, name: c.name, key: c.key, secret: c.secret, callback_url: c.callbackUrl ?? null, rejected_callback_url: c.rejectedCallbackUrl ?? null });
