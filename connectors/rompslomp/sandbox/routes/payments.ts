import { decimalParam, idParam, noEndpoint, notFound, paginated, rb, readRoot, stringParam, unpermitted, unpermittedError, validationError } from "../http";
import type { Route } from "../route";
import { isPaymentAccount } from "../seed";
import { newId, type PaymentJson } from "../state";

const PERMITTED = ["amount", "description", "account_id", "account_path", "paid_at"] as const;

/**
 * `/payments`: free-standing bank or cash payments (the real endpoint has no invoice link).
 * Payments added through an invoice's `payments[]` are listed here too.
 */
export async function payments({ ctx, method, rest }: Route): Promise<Response> {
  if (rest.length === 0 && method === "GET") return paginated(ctx.url, "payments", (await ctx.read()).payments);
  if (rest.length === 0 && method === "POST") {
    const body = await readRoot(ctx.req, "payment");
    if (!body.ok) return body.response;
    const extra = unpermitted(body.value, PERMITTED);
    if (extra.length) return unpermittedError(extra);
    return ctx.update((state) => {
      const errors: string[] = [];
      const amount = decimalParam(body.value.amount);
      if (!amount) errors.push("Bedrag is geen getal");
      const paidAt = stringParam(body.value.paid_at);
      if (!paidAt) errors.push("Betaaldatum moet opgegeven zijn");
      const accountId = idParam(body.value.account_id);
      const accountPath = stringParam(body.value.account_path);
      const account = state.accounts.find((a) => (accountId !== undefined ? a.id === accountId : a.path === accountPath));
      if (!account || !isPaymentAccount(account)) errors.push("Rekening is ongeldig");
      if (errors.length || !amount || !paidAt || !account) return validationError("Betaling", errors);
      const payment: PaymentJson = {
        id: newId(state), amount: rb(amount), description: stringParam(body.value.description), account_id: account.id,
        account_path: account.path, paid_at: paidAt, sales_invoice_id: null,
      };
      state.payments.push(payment);
      return Response.json({ payment }, { status: 201 });
    });
  }
  if (rest.length === 1 && method === "GET") {
    const found = (await ctx.read()).payments.find((p) => String(p.id) === rest[0]);
    return found ? Response.json({ payment: found }) : notFound("Betaling");
  }
  return noEndpoint();
}
