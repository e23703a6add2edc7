import Link from "next/link";
import { notFound } from "next/navigation";
import { currentAccount } from "@/lib/auth/session";
import { mollie } from "@/lib/billing/mollie-settings";
import { isPayLinkToken, payLinkUrl, signedReturnUrl } from "@/lib/billing/pay-link";
import { settlePayment } from "@/lib/billing/settle-payment";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney } from "@/lib/i18n/locale";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { sendReleasedWork } from "@/inngest/released-work";

export const dynamic = "force-dynamic";

/**
 * Where Mollie sends the merchant back after the checkout. Mollie's webhook usually came first;
 * when it has not (yet), the payment is asked for here too, with the same once-only settlement.
 * Shown to the holder of the signed link (Mollie returns with its token) or a login of the
 * invoice's account; to anyone else the invoice does not exist.
 */
export default async function PaymentReturnPage({ params, searchParams }: { params: Promise<{ invoiceId: string }>; searchParams: Promise<{ token?: string }> }) {
  const { invoiceId } = await params;
  const { token } = await searchParams;
  const locale = await requestLocale();
  const t = translator(billingMessages, locale);
  const find = () => db().subscriptionInvoice.findUnique({ where: { id: invoiceId }, include: { integration: { select: { name: true, paidUntil: true } } } });

  let invoice = await find();
  if (!invoice || (!isPayLinkToken(invoice.id, token) && (await currentAccount())?.accountId !== invoice.accountId)) notFound();
  let providerStatus: string | undefined;
  if (invoice?.status === "open" && invoice.paymentRef) {
    const settled = await settlePayment(db(), invoice.paymentRef, { mollie: mollie(), sendReleased: sendReleasedWork }).catch(() => null);
    if (settled?.outcome === "not_paid") providerStatus = settled.status;
    invoice = await find();
  }

  let message: string;
  let retry = false;
  if (!invoice) message = t("returnUnknown");
  else if (invoice.status === "paid") {
    message = t("returnPaid", { amount: formatMoney(locale, invoice.amountInclVat.toFixed(2)), number: invoice.number, name: invoice.integration.name, date: formatDate(locale, invoice.integration.paidUntil ?? invoice.periodEnd) });
  } else if (invoice.status === "cancelled") message = t("returnCancelled", { number: invoice.number });
  else if (providerStatus && ["canceled", "failed", "expired"].includes(providerStatus)) {
    message = t("returnNotCompleted", { number: invoice.number, status: providerStatus });
    retry = true;
  } else {
    message = t("returnPending", { number: invoice.number });
    retry = true;
  }

  return (
    <main className="mx-auto mt-20 max-w-lg px-6">
      <h1 className="text-2xl font-semibold">{t("returnTitle")}</h1>
      <p role="status" data-testid="payment-status" className={`mt-4 rounded-md border px-4 py-3 text-sm ${invoice?.status === "paid" ? "border-green-200 bg-green-50 text-green-900" : "border-slate-200 bg-white text-slate-800"}`}>
        {message}
      </p>
      <div className="mt-6 flex flex-wrap gap-3 text-sm">
        {retry && invoice && (
          <>
            <a href={payLinkUrl(invoice.id)} className="rounded bg-blue-600 px-3 py-2 font-medium text-white hover:bg-blue-500">{t("returnTryAgain")}</a>
            <Link href={signedReturnUrl(invoice.id)} className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-50">{t("returnRefresh")}</Link>
          </>
        )}
        <Link href="/dashboard/profile" className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-50">{t("returnProfile")}</Link>
      </div>
    </main>
  );
}
