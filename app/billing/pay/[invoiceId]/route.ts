import { NextResponse } from "next/server";
import { currentAccount } from "@/lib/auth/session";
import { messagePage } from "@/lib/billing/message-page";
import { mollie } from "@/lib/billing/mollie-settings";
import { isPayLinkToken, signedReturnUrl } from "@/lib/billing/pay-link";
import { ensureCheckout } from "@/lib/billing/renewal-invoice";
import { db } from "@/lib/db/client";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ invoiceId: string }> };

/**
 * The payment link of our mails and the Profile tab: signed (token) or opened by a login of the
 * invoice's account. Sends the merchant to the invoice's Mollie checkout, made afresh when the
 * previous payment expired or failed; an invoice no longer open goes to the return page, which
 * says why.
 */
export async function GET(req: Request, { params }: Ctx) {
  const { invoiceId } = await params;
  const locale = await requestLocale();
  const t = translator(billingMessages, locale);
  const invoice = await db().subscriptionInvoice.findUnique({ where: { id: invoiceId }, select: { id: true, accountId: true, status: true } });
  const token = new URL(req.url).searchParams.get("token");
  const account = invoice && !isPayLinkToken(invoice.id, token) ? await currentAccount() : null;
  if (!invoice || (!isPayLinkToken(invoice.id, token) && account?.accountId !== invoice.accountId)) {
    return messagePage(locale, t("returnTitle"), t("payLinkInvalid"), 404);
  }
  if (invoice.status !== "open") return NextResponse.redirect(signedReturnUrl(invoice.id), 303);
  try {
    const checkout = await ensureCheckout(db(), invoice.id, mollie());
    return NextResponse.redirect(checkout.status === "open" ? checkout.checkoutUrl : signedReturnUrl(invoice.id), 303);
  } catch {
    return messagePage(locale, t("returnTitle"), t("payUnavailable"), 503);
  }
}
