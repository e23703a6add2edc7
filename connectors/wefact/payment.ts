import { classifyByKeywords } from "@/lib/domain/payment-method";
import { money } from "@/lib/domain/money";
import { ConnectorError, paymentNotYet, type PaymentRegistration } from "../types";
import type { Invoice } from "./schemas";

/**
 * PURE: how one shop payment is registered on a WeFact invoice ("beyond the manuals": the WeFact
 * manual has no payments). Facts from the reference (§3 WeFact, "Payments", marked [C]: a
 * live-verified client, not WeFact's own docs):
 * - verified [C]: `invoice/markaspaid {Identifier, PayDate?, PaymentMethod?}` and
 *   `invoice/partpayment {Identifier, AmountPaid, PayDate?, PaymentMethod?}`; a part payment that
 *   clears the balance makes the invoice paid; neither works on drafts; `PaymentMethod` values
 *   include wire, cash, card, auth, accounting, various, paypal, ideal; invoices show `AmountPaid`
 *   and `AmountOutstanding`; status 0 draft, 2 sent, 3 partly paid, 4 paid, 8 credit, 9 credited.
 * - inferred [I]: a part payment larger than the balance is refused; a negative part payment (a
 *   refund) is not something WeFact offers, so refunds are refused here with a clear error.
 */
export type WefactPaymentCall =
  | { action: "markaspaid"; params: { Identifier: string; PayDate: string; PaymentMethod?: string } }
  | { action: "partpayment"; params: { Identifier: string; AmountPaid: string; PayDate: string; PaymentMethod?: string } };

const METHODS: Record<string, string> = { ideal: "ideal", paypal: "paypal", creditcard: "card", mistercash: "card", banktransfer: "wire" };

/** WeFact's payment method for the shop's method name; absent when the shop named none. */
export const wefactPaymentMethod = (method: string | undefined) =>
  method?.trim() ? (METHODS[classifyByKeywords([method])] ?? "various") : undefined;

/**
 * The call to make, or `{ already: true }` when the invoice already shows this payment (an answer
 * that was lost: what WeFact has as paid equals what we booked before plus this payment). Throws
 * the "not yet" codes while the invoice cannot take it (draft, credited, paid, balance smaller).
 */
export function planWefactPayment(p: PaymentRegistration, invoice: Invoice): WefactPaymentCall | { already: true } {
  const amount = money(p.amount, "payment amount");
  const name = invoice.InvoiceCode ?? invoice.Identifier;
  refuseRefund(p);
  const paid = money(invoice.AmountPaid ?? "0", "amount paid");
  if (!amount.isZero() && paid.eq(money(p.bookedBefore, "booked before").plus(amount))) return { already: true };
  const status = invoice.Status ?? "";
  if (status === "0") throw paymentNotYet("not_outstanding", `WeFact invoice ${name} (${p.salesNumber}) is still a draft; WeFact takes payments only on sent invoices. Send it in WeFact; the payment is tried again tonight.`);
  if (status === "8" || status === "9") throw paymentNotYet("not_outstanding", `WeFact invoice ${name} (${p.salesNumber}) is credited, so the payment of ${amount.toFixed(2)} is not registered on it.`);
  const outstanding = money(invoice.AmountOutstanding ?? "0", "amount outstanding");
  if (outstanding.lte(0)) throw paymentNotYet("not_outstanding", `WeFact invoice ${name} (${p.salesNumber}) is already paid in full, so the payment of ${amount.toFixed(2)} is not registered.`);
  if (amount.gt(outstanding)) throw paymentNotYet("amount_differs", `The payment of ${amount.toFixed(2)} is more than the ${outstanding.toFixed(2)} outstanding on WeFact invoice ${name} (${p.salesNumber}), so it is not registered.`);
  const PaymentMethod = wefactPaymentMethod(p.method);
  const common = { Identifier: invoice.Identifier, PayDate: p.paidAt.slice(0, 10), ...(PaymentMethod ? { PaymentMethod } : {}) };
  return amount.eq(outstanding) ? { action: "markaspaid", params: common } : { action: "partpayment", params: { ...common, AmountPaid: amount.toFixed(2) } };
}

/** A refund (negative payment) is refused before any call: the API offers no way to book one [I]. */
export function refuseRefund(p: Pick<PaymentRegistration, "amount" | "salesNumber">): void {
  const amount = money(p.amount, "payment amount");
  if (amount.isNegative()) {
    throw new ConnectorError("refund_not_supported", `This is a refund of ${amount.toFixed(2)} on ${p.salesNumber}. WeFact's API registers payments received only; book the refund by hand in WeFact.`, false);
  }
}
