import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { escapeHtml } from "@/connectors/sandbox/kit/html";
import { completePayment, type FinalStatus } from "./complete-payment";
import { expireIfDue, type MollieSandboxState, type SandboxPayment } from "./state";

/**
 * The hosted checkout (`_links.checkout`): shows what is to be paid and lets the tester decide the
 * outcome with Pay, Cancel or Fail. Each sets the status, calls the webhook and sends the customer
 * to the payment's redirectUrl, as Mollie's checkout does after the bank answered.
 */
type Ctx = SandboxContext<MollieSandboxState>;

const LABELS = {
  en: { title: "Checkout", pay: "Pay", cancel: "Cancel", fail: "Fail", amount: "Amount", description: "Description", status: "This payment is {status}.", back: "Back to the merchant", hint: "Sandbox: choose the outcome the bank would give." },
  nl: { title: "Afrekenen", pay: "Betalen", cancel: "Annuleren", fail: "Mislukt", amount: "Bedrag", description: "Omschrijving", status: "Deze betaling is {status}.", back: "Terug naar de winkel", hint: "Sandbox: kies de uitkomst die de bank zou geven." },
} as const;

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f2f4f7;color:#1d2939;margin:0}
header{background:#000;color:#fff;padding:14px 24px;font-weight:700;font-size:20px}
main{max-width:460px;margin:40px auto;background:#fff;border-radius:10px;padding:28px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
dl{display:grid;grid-template-columns:8rem 1fr;gap:6px 12px}dt{color:#667085}.amount{font-size:28px;font-weight:700;margin:8px 0 20px}
form{display:inline}.actions{display:flex;gap:10px;flex-wrap:wrap;margin-top:24px}
button{font-size:16px;padding:10px 22px;border-radius:6px;border:1px solid #d0d5dd;cursor:pointer;background:#fff}
button.pay{background:#0077ff;border-color:#0077ff;color:#fff}.hint{font-size:12px;color:#667085;margin-top:20px}`;

const page = (lang: "en" | "nl", title: string, body: string, status = 200) =>
  new Response(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} – Mollie (sandbox)</title><style>${STYLE}</style></head><body><header>mollie <small style="font-weight:400;font-size:13px">sandbox</small></header><main>${body}</main></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );

const languageOf = (p: SandboxPayment) => (p.locale?.startsWith("nl") ? "nl" : "en");
const actions: Record<string, FinalStatus> = { pay: "paid", cancel: "canceled", fail: "failed" };

export async function checkout(ctx: Ctx, id: string | undefined): Promise<Response> {
  const method = ctx.req.method.toUpperCase();
  const payment = id ? await ctx.update((s) => { const p = s.payments[id]; if (p) expireIfDue(p); return p ?? null; }) : null;
  if (!payment) return page("en", "Not found", "<h1>Payment not found</h1><p>This checkout link does not belong to a payment.</p>", 404);
  const lang = languageOf(payment);
  const t = LABELS[lang];

  if (method === "POST") {
    const form = await ctx.req.formData().catch(() => null);
    const action = actions[String(form?.get("action") ?? "")];
    if (!action) return page(lang, t.title, "<h1>Unknown action</h1>", 400);
    await completePayment(ctx, payment.id, action);
    return new Response(null, { status: 303, headers: { location: payment.redirectUrl } });
  }
  if (method !== "GET") return new Response(null, { status: 405, headers: { allow: "GET, POST" } });

  const summary = `<p class="amount">${escapeHtml(payment.amount.currency)} ${escapeHtml(payment.amount.value)}</p>
<dl><dt>${t.description}</dt><dd>${escapeHtml(payment.description)}</dd></dl>`;
  if (payment.status !== "open") {
    return page(lang, t.title, `<h1>${t.title}</h1>${summary}<p role="status">${escapeHtml(t.status.replace("{status}", payment.status))}</p><p><a href="${escapeHtml(payment.redirectUrl)}">${t.back}</a></p>`);
  }
  const button = (action: string, label: string, cls = "") => `<form method="post"><input type="hidden" name="action" value="${action}"><button type="submit" class="${cls}">${label}</button></form>`;
  return page(lang, t.title, `<h1>${t.title}</h1>${summary}<div class="actions">${button("pay", t.pay, "pay")}${button("cancel", t.cancel)}${button("fail", t.fail)}</div><p class="hint">${t.hint}</p>`);
}
