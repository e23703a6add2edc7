import { payLinkUrl } from "@/lib/billing/pay-link";
import { subscriptionOf } from "@/lib/billing/profile";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/locale";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

/**
 * The subscription in one line under the integration header: trial or paid until; a red banner
 * with Renew (the payment link) while paused; a grey line once cancelled.
 */
export async function SubscriptionStatus({ accountId, integrationId }: { accountId: string; integrationId: string }) {
  const s = await subscriptionOf(db(), accountId, integrationId);
  if (!s || s.status === "installing") return null;
  const locale = await requestLocale();
  const t = translator(billingMessages, locale);
  const date = (d: Date) => formatDate(locale, d);
  const renew = s.openInvoice && (
    <a href={payLinkUrl(s.openInvoice.id)} aria-label={t("bannerRenewLabel", { name: s.name, number: s.openInvoice.number })}
      className="ml-2 inline-block rounded bg-blue-600 px-2 py-0.5 text-xs font-medium text-white hover:bg-blue-500">{t("bannerRenew")}</a>
  );

  if (s.status === "paused") {
    return (
      <p role="status" data-testid="subscription-status" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
        {t("bannerPaused", { date: date(s.pausedAt ?? new Date()), period: t(s.paidUntil ? "periodSubscription" : "periodTrial"), end: s.accessEndsAt ? date(s.accessEndsAt) : "" })}{renew}
      </p>
    );
  }
  if (s.status === "cancelled") {
    return <p data-testid="subscription-status" className="mt-2 text-sm text-slate-600">{t("bannerCancelled", { date: s.cancelledAt ? date(s.cancelledAt) : "" })}</p>;
  }
  if (!s.accessEndsAt) return null;
  const until = s.paidUntil && s.paidUntil >= s.accessEndsAt ? t("bannerPaid", { date: date(s.paidUntil) }) : t("bannerTrial", { date: date(s.accessEndsAt) });
  return (
    <p data-testid="subscription-status" className="mt-2 text-sm text-slate-600">
      {until}{s.openInvoice && <> {t("bannerOfferOpen")}{renew}</>}
    </p>
  );
}
