import { NextResponse } from "next/server";
import { isMolliePaymentId } from "@/lib/billing/mollie-client";
import { mollie } from "@/lib/billing/mollie-settings";
import { settlePayment } from "@/lib/billing/settle-payment";
import { db } from "@/lib/db/client";
import { toFailure } from "@/lib/pipeline/failure";
import { sendReleasedWork } from "@/inngest/released-work";

/**
 * Mollie's webhook: a form-encoded `id=tr_…` saying that payment changed. The status is fetched
 * from Mollie (the call itself proves nothing), then settled once. Unknown payments are
 * acknowledged without saying so; when Mollie cannot be asked now we answer 503 and Mollie retries.
 */
export async function POST(req: Request) {
  const body = await req.text();
  const id = new URLSearchParams(body).get("id");
  if (!isMolliePaymentId(id)) return NextResponse.json({ error: "invalid_payload", message: 'Expected a form-encoded body "id=tr_…".' }, { status: 400 });
  try {
    const settled = await settlePayment(db(), id, { mollie: mollie(), sendReleased: sendReleasedWork });
    if (settled.outcome === "amount_mismatch") console.warn(`Mollie payment ${id} paid ${settled.paid}, the invoice asks ${settled.expected}: not settled.`);
    return NextResponse.json({ received: true, ...(settled.outcome === "paid" ? { settled: settled.firstTime } : {}) });
  } catch (err) {
    const failure = toFailure(err);
    // A payment Mollie does not know is not ours to settle; anything else is worth Mollie's retry.
    if (failure.code === "mollie_not_found") return NextResponse.json({ received: true });
    return NextResponse.json({ error: failure.code, message: failure.message }, { status: failure.retryable ? 503 : 500 });
  }
}
