/** The sandbox's OAuth pages: the consent screen (already logged in as the tenant's user) and errors. */

const SCOPE_TEXT: Record<string, string> = {
  public: "Algemene informatie ophalen (o.a. administraties, btw-soorten)",
  "manage:companies": "Administraties beheren",
  "manage:contacts": "Contacten (klanten en leveranciers) beheren",
  "manage:sales_invoices": "Verkoopfacturen beheren",
  "manage:payments": "Betalingen beheren",
  "manage:products": "Producten beheren",
  "read:accounts": "Grootboekrekeningen inzien (o.a. omzet, activa, passiva)",
  "manage:journal_entries": "Memoriaalboekingen beheren",
  "read:me": "Je gebruikersgegevens inzien (o.a. naam, e-mailadres)",
  "manage:hours": "Uren beheren",
  "manage:rides": "Ritten beheren",
  "manage:expenses": "Uitgaven beheren",
  "manage:quotations": "Offertes beheren",
};

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f6f8;color:#1f2933;margin:0}
header{background:#e8412c;color:#fff;padding:14px 24px;font-weight:700;font-size:20px}
main{max-width:520px;margin:40px auto;background:#fff;border-radius:8px;padding:28px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:22px;margin:0 0 12px}.who{color:#52606d;font-size:14px;margin-bottom:20px}
ul{padding-left:20px}li{margin:6px 0}.actions{display:flex;gap:12px;margin-top:24px}
button{font-size:16px;padding:10px 22px;border-radius:6px;border:1px solid #cbd2d9;cursor:pointer;background:#fff}
button.allow{background:#2f855a;border-color:#2f855a;color:#fff}.note{font-size:12px;color:#7b8794;margin-top:20px}`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} – Rompslomp (sandbox)</title><style>${STYLE}</style></head>
<body><header>Rompslomp <small style="font-weight:400;font-size:13px">sandbox</small></header><main>${body}</main></body></html>`;

export type ConsentRequest = { clientId: string; redirectUri: string; state: string; scope: string; responseType: string };

export function consentPage(p: { appName: string; user: { first_name: string; last_name: string; email: string }; companyName: string; request: ConsentRequest }): string {
  const hidden = [
    ["client_id", p.request.clientId],
    ["redirect_uri", p.request.redirectUri],
    ["state", p.request.state],
    ["response_type", p.request.responseType],
    ["scope", p.request.scope],
  ]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value ?? "")}">`)
    .join("");
  const scopes = p.request.scope.split(" ").filter(Boolean).map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`).join("");
  return page(
    "Autorisatie vereist",
    `<h1>Autorisatie vereist</h1>
<p class="who">Ingelogd als <strong>${escapeHtml(`${p.user.first_name} ${p.user.last_name}`)}</strong> (${escapeHtml(p.user.email)}) · administratie ${escapeHtml(p.companyName)}</p>
<p><strong>${escapeHtml(p.appName)}</strong> vraagt toegang tot je Rompslomp-account om:</p>
<ul>${scopes}</ul>
<div class="actions">
<form method="post" action="authorize">${hidden}<button type="submit" class="allow" name="decision" value="allow">Allow</button></form>
<form method="post" action="authorize"><input type="hidden" name="_method" value="delete">${hidden}<button type="submit" name="decision" value="deny">Deny</button></form>
</div>
<p class="note">Sandbox: je bent automatisch ingelogd als de gebruiker van deze administratie.</p>`,
  );
}

export function errorPage(title: string, description: string): string {
  return page(title, `<h1>Er is een fout opgetreden</h1><p><strong>${escapeHtml(title)}</strong></p><p>${escapeHtml(description)}</p>`);
}

export const html = (body: string, status = 200) => new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
