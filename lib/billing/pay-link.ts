import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../config/env";
import { authSecret } from "../crypto/keys";

/**
 * The payment link in our mails: /billing/pay/<invoice>?token=…, signed so only the addressee can
 * use it, and leading to a fresh Mollie checkout whenever the previous one expired. A link straight
 * to Mollie's checkout would die with the payment (open payments expire within the hour).
 */
const tokenFor = (invoiceId: string) => createHmac("sha256", authSecret()).update(`pay-link|${invoiceId}`).digest("base64url").slice(0, 32);

export const payLinkUrl = (invoiceId: string, appUrl = env().APP_URL) =>
  `${appUrl.replace(/\/+$/, "")}/billing/pay/${encodeURIComponent(invoiceId)}?token=${tokenFor(invoiceId)}`;

/**
 * Where Mollie sends the payer back: the return page with the same token, so it shows the invoice to
 * whoever paid it (possibly not logged in) and to nobody else holding only the invoice id.
 */
export const signedReturnUrl = (invoiceId: string, appUrl = env().APP_URL) =>
  `${appUrl.replace(/\/+$/, "")}/billing/return/${encodeURIComponent(invoiceId)}?token=${tokenFor(invoiceId)}`;

export function isPayLinkToken(invoiceId: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(tokenFor(invoiceId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
