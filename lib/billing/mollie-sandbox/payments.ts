import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { halJson, mollieProblem, unauthorized } from "./http";
import { expireIfDue, newPaymentId, OPEN_FOR_MS, type MollieSandboxState, type SandboxPayment } from "./state";

/**
 * The Payments API of the sandbox: POST /v2/payments and GET /v2/payments/{id}, behind the tenant's
 * test API key (Authorization: Bearer test_…), answering in Mollie's payment shape.
 */
type Ctx = SandboxContext<MollieSandboxState>;

/** Mollie's timestamps: ISO 8601 with +00:00, to the second. */
const mollieTime = (iso: string) => `${iso.slice(0, 19)}+00:00`;

/** A payment as the API shows it; the checkout link only while it can still be paid. */
export function presentPayment(ctx: Ctx, p: SandboxPayment, profileId: string) {
  const links: Record<string, { href: string; type: string }> = {
    self: { href: `${ctx.baseUrl}/v2/payments/${p.id}`, type: "application/hal+json" },
    dashboard: { href: `${ctx.baseUrl}/dashboard/payments/${p.id}`, type: "text/html" },
    documentation: { href: "https://docs.mollie.com/reference/get-payment", type: "text/html" },
  };
  if (p.status === "open") links.checkout = { href: `${ctx.baseUrl}/checkout/${p.id}`, type: "text/html" };
  return {
    resource: "payment",
    id: p.id,
    mode: "test",
    createdAt: mollieTime(p.createdAt),
    amount: p.amount,
    description: p.description,
    method: p.method,
    metadata: p.metadata ?? null,
    status: p.status,
    isCancelable: false,
    ...(p.status === "open" ? { expiresAt: mollieTime(p.expiresAt) } : {}),
    ...(p.paidAt ? { paidAt: mollieTime(p.paidAt), amountRemaining: p.amount, amountRefunded: { currency: p.amount.currency, value: "0.00" } } : {}),
    ...(p.canceledAt ? { canceledAt: mollieTime(p.canceledAt) } : {}),
    ...(p.failedAt ? { failedAt: mollieTime(p.failedAt) } : {}),
    ...(p.expiredAt ? { expiredAt: mollieTime(p.expiredAt) } : {}),
    ...(p.locale ? { locale: p.locale } : {}),
    profileId,
    sequenceType: "oneoff",
    redirectUrl: p.redirectUrl,
    ...(p.webhookUrl ? { webhookUrl: p.webhookUrl } : {}),
    _links: links,
  };
}

function authorized(ctx: Ctx, state: MollieSandboxState): boolean {
  const header = ctx.req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return !!match && match[1] === state.apiKey;
}

const isHttpUrl = (value: unknown): value is string => typeof value === "string" && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** Checks a create request the way Mollie does; the 422 names the field. */
function validate(body: Record<string, unknown>): Response | Omit<SandboxPayment, "id" | "createdAt" | "expiresAt" | "status" | "method"> {
  const amount = body.amount as { currency?: unknown; value?: unknown } | undefined;
  if (!amount || typeof amount !== "object") return mollieProblem(422, "The amount is required for payments", "amount");
  if (typeof amount.currency !== "string" || !/^[A-Z]{3}$/.test(amount.currency)) return mollieProblem(422, "The amount currency is invalid", "amount.currency");
  if (typeof amount.value !== "string" || !/^\d+\.\d{2}$/.test(amount.value)) return mollieProblem(422, "The amount contains an invalid value", "amount.value");
  if (Number(amount.value) < 0.01) return mollieProblem(422, "The amount is lower than the minimum", "amount");
  if (typeof body.description !== "string" || !body.description.trim()) return mollieProblem(422, "The description is invalid", "description");
  if (!isHttpUrl(body.redirectUrl)) return mollieProblem(422, "The redirect URL is invalid", "redirectUrl");
  if (body.webhookUrl !== undefined && body.webhookUrl !== null && !isHttpUrl(body.webhookUrl)) return mollieProblem(422, "The webhook URL is invalid", "webhookUrl");
  if (body.locale !== undefined && body.locale !== null && (typeof body.locale !== "string" || !/^[a-z]{2}_[A-Z]{2}$/.test(body.locale))) return mollieProblem(422, "The locale is invalid", "locale");
  if (body.metadata !== undefined && JSON.stringify(body.metadata).length > 1024) return mollieProblem(422, "The metadata is too large, it may not exceed 1024 bytes", "metadata");
  return {
    amount: { currency: amount.currency, value: amount.value },
    description: body.description.slice(0, 255),
    redirectUrl: body.redirectUrl,
    webhookUrl: (body.webhookUrl as string | undefined) ?? null,
    metadata: body.metadata ?? null,
    locale: (body.locale as string | undefined) ?? null,
  };
}

export async function paymentsApi(ctx: Ctx): Promise<Response> {
  const [, resource, id, ...rest] = ctx.path;
  if (resource !== "payments" || rest.length) return mollieProblem(404, "The resource does not exist");
  const method = ctx.req.method.toUpperCase();
  if (!authorized(ctx, await ctx.read())) return unauthorized();

  if (!id) {
    if (method !== "POST") return mollieProblem(405, `The method ${method} is not allowed here`);
    const body = (await ctx.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== "object" || Array.isArray(body)) return mollieProblem(400, "The request body is not valid JSON");
    const checked = validate(body);
    if (checked instanceof Response) return checked;
    const now = new Date();
    const payment: SandboxPayment = { ...checked, id: newPaymentId(), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + OPEN_FOR_MS).toISOString(), status: "open", method: null };
    const profileId = await ctx.update((s) => { s.payments[payment.id] = payment; return s.profileId; });
    return halJson(presentPayment(ctx, payment, profileId), 201);
  }

  if (method !== "GET") return mollieProblem(405, `The method ${method} is not allowed here`);
  const found = await ctx.update((s) => {
    const p = s.payments[id];
    if (p) expireIfDue(p);
    return p ? { payment: p, profileId: s.profileId } : null;
  });
  if (!found) return mollieProblem(404, `No payment exists with token ${id}.`);
  return halJson(presentPayment(ctx, found.payment, found.profileId));
}
