import { money } from "@/lib/domain/money";
import { ConnectorError, paymentNotYet, type PaymentRegistration } from "../types";
import type { Invoice } from "./schemas";

/**
 * PURE: how one shop payment is registered on a Factuursturen invoice ("beyond the manuals": the
 * manual only sets the already-paid amount when an invoice is created). Facts from the reference
 * (§4 Factuursturen, "Payments"):
 * - verified [C]: `invoices_payment/{invoicenr}` with `{amount (number or "full"), date (YYYY-MM-DD)}`;
 *   an invoice shows `totalintax` and `open` (what is still to pay), as strings.
 * - inferred [I]: POST (the Ruby client; the Python one PUTs, the reference advises POST first);
 *   amounts as decimal strings like every amount we send (Factuursturen reads numbers from text);
 *   a payment is taken only by a sent invoice (a saved draft has no invoice number); there is no
 *   documented refund: a negative payment is refused here with a clear error.
 */
export type FactuursturenPayment = { invoicenr: string; body: { amount: string; date: string } };

/**
 * The payment to send, or `{ already: true }` when the invoice already shows it as paid (a lost
 * answer, or the already-paid amount the invoice was created with for a paid order): what
 * Factuursturen shows as paid (total − open) equals what we booked before plus this payment.
 */
export function planFactuursturenPayment(p: PaymentRegistration, invoice: Invoice, invoicenr: string): FactuursturenPayment | { already: true } {
  const amount = money(p.amount, "payment amount");
  const name = invoice.invoicenr_full ?? invoicenr;
  refuseRefund(p);
  const open = money(invoice.open ?? "0", "open amount");
  const paid = money(invoice.totalintax ?? "0", "invoice total").minus(open);
  if (!amount.isZero() && paid.eq(money(p.bookedBefore, "booked before").plus(amount))) return { already: true };
  if (open.lte(0)) throw paymentNotYet("not_outstanding", `Factuursturen invoice ${name} (${p.salesNumber}) is already paid in full, so the payment of ${amount.toFixed(2)} is not registered.`);
  if (amount.gt(open)) throw paymentNotYet("amount_differs", `The payment of ${amount.toFixed(2)} is more than the ${open.toFixed(2)} open on Factuursturen invoice ${name} (${p.salesNumber}), so it is not registered.`);
  return { invoicenr, body: { amount: amount.toFixed(2), date: p.paidAt.slice(0, 10) } };
}

/** A refund (negative payment) is refused before any call: the API offers no way to book one [I]. */
export function refuseRefund(p: Pick<PaymentRegistration, "amount" | "salesNumber">): void {
  const amount = money(p.amount, "payment amount");
  if (amount.isNegative()) {
    throw new ConnectorError("refund_not_supported", `This is a refund of ${amount.toFixed(2)} on ${p.salesNumber}. Factuursturen's API registers payments received only; book the refund by hand in Factuursturen.`, false);
  }
}
