import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import { requireAccount } from "@/lib/auth/session";
import { isAccountOwner, listInvoices } from "@/lib/billing/invoices";
import { payLinkUrl } from "@/lib/billing/pay-link";
import { subscriptions } from "@/lib/billing/profile";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney } from "@/lib/i18n/locale";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { isCancelled } from "@/lib/integrations/lifecycle";
import { hideLicenseKey } from "./actions";
import { AlertSettings } from "./alert-settings";
import { NotificationEmailForm } from "./notification-email-form";
import { accessLabel, invoiceStatusLabel, statusLabel } from "./subscription-text";

export const dynamic = "force-dynamic";

const section = "mt-10";
const h2 = "text-lg font-semibold";
const table = "mt-3 w-full min-w-[36rem] text-left text-sm";
const th = "border-b border-slate-200 px-3 py-2 font-medium text-slate-600";
const td = "border-b border-slate-100 px-3 py-2 align-top";
const button = "rounded-md px-2.5 py-1 text-xs font-medium";

type Search = { cancelled?: string; removed?: string; keyError?: string };

/**
 * Profile: the login's details and language, the subscription per integration (with its payment
 * link), the invoices as PDF, the extra notification address, cancel, and the license keys.
 */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { userId, accountId } = await requireAccount();
  const search = await searchParams;
  const locale = await requestLocale();
  const t = translator(billingMessages, locale);
  const date = (d: Date) => formatDate(locale, d);
  const money = (v: { toFixed(dp: number): string }) => formatMoney(locale, v.toFixed(2));

  const [user, account, owner, subs] = await Promise.all([
    db().user.findFirst({ where: { id: userId, accountId }, select: { email: true, name: true } }),
    db().account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, createdAt: true, notificationEmail: true } }),
    isAccountOwner(db(), userId, accountId),
    subscriptions(db(), accountId),
  ]);
  const invoices = owner ? await listInvoices(db(), accountId) : [];
  const cancelled = search.cancelled ? subs.find((s) => s.id === search.cancelled) : undefined;
  const notice = cancelled ? t("cancelDone", { name: cancelled.name }) : search.removed ? t("keyRemoved", { key: search.removed }) : null;
  const keyError = search.keyError === "not-cancelled" ? t("keyNotRemovable") : search.keyError ? t("notFound") : null;

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("profileTitle")}</h1>
      {notice && <p role="status" className="mt-4 rounded-md border border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900">{notice}</p>}
      <dl className="mt-6 grid max-w-lg grid-cols-[10rem_1fr] gap-y-2 text-sm">
        <dt className="text-slate-500">{t("company")}</dt><dd>{account.name}</dd>
        <dt className="text-slate-500">{t("name")}</dt><dd>{user?.name}</dd>
        <dt className="text-slate-500">{t("email")}</dt><dd>{user?.email}</dd>
        <dt className="text-slate-500">{t("customerSince")}</dt><dd>{date(account.createdAt)}</dd>
      </dl>

      <section aria-labelledby="language" className={section}>
        <h2 id="language" className={h2}>{t("language")}</h2>
        <div className="mt-2 flex items-center gap-3">
          <LanguageSwitcher locale={locale} back="/dashboard/profile" />
          <p className="text-xs text-slate-500">{t("languageHelp")}</p>
        </div>
      </section>

      <section aria-labelledby="subscription" className={section}>
        <h2 id="subscription" className={h2}>{t("subscriptionTitle")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("subscriptionHelp")}</p>
        {subs.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("noIntegrations")}</p> : (
          <div className="overflow-x-auto">
            <table className={table} aria-labelledby="subscription">
              <thead><tr><th className={th}>{t("colIntegration")}</th><th className={th}>{t("colLicenseKey")}</th><th className={th}>{t("colStatus")}</th><th className={th}>{t("colAccess")}</th><th className={th}>{t("colActions")}</th></tr></thead>
              <tbody>
                {subs.map((s) => (
                  <tr key={s.id} data-testid={`subscription-${s.licenseKey}`}>
                    <td className={td}>{s.name}</td>
                    <td className={`${td} font-mono text-xs`}>{s.licenseKey}</td>
                    <td className={td}>{statusLabel(t, s.status)}</td>
                    <td className={td}>{accessLabel(t, locale, s)}</td>
                    <td className={`${td} space-x-2 whitespace-nowrap`}>
                      {s.openInvoice && !isCancelled(s.status) && (
                        <a href={payLinkUrl(s.openInvoice.id)} aria-label={t("payNowLabel", { number: s.openInvoice.number, amount: money(s.openInvoice.amountInclVat), name: s.name })} className={`${button} bg-blue-600 text-white hover:bg-blue-500`}>
                          {t("payNow", { amount: money(s.openInvoice.amountInclVat) })}
                        </a>
                      )}
                      {owner && !isCancelled(s.status) && (
                        <Link href={`/dashboard/profile/cancel/${s.id}`} aria-label={t("cancelIntegrationLabel", { name: s.name })} className={`${button} border border-red-300 text-red-700 hover:bg-red-50`}>
                          {t("cancelIntegration")}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {owner && (
        <section aria-labelledby="invoices" className={section}>
          <h2 id="invoices" className={h2}>{t("invoicesTitle")}</h2>
          {invoices.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t("noInvoices")}</p> : (
            <div className="overflow-x-auto">
              <table className={table} aria-labelledby="invoices">
                <thead><tr><th className={th}>{t("colNumber")}</th><th className={th}>{t("colDate")}</th><th className={th}>{t("colIntegration")}</th><th className={th}>{t("colPeriod")}</th><th className={`${th} text-right`}>{t("colAmount")}</th><th className={th}>{t("colStatus")}</th><th className={th}><span className="sr-only">PDF</span></th></tr></thead>
                <tbody>
                  {invoices.map((i) => (
                    <tr key={i.id} data-testid={`invoice-${i.number}`}>
                      <td className={`${td} font-mono text-xs`}>{i.number}</td>
                      <td className={td}>{date(i.createdAt)}</td>
                      <td className={td}>{i.integration.name}<span className="block font-mono text-xs text-slate-500">{i.integration.licenseKey}</span></td>
                      <td className={td}>{t("periodRange", { start: date(i.periodStart), end: date(i.periodEnd) })}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(i.amountInclVat)}</td>
                      <td className={td}>{invoiceStatusLabel(t, i.status)}</td>
                      <td className={td}>
                        <a href={`/api/billing/invoices/${i.id}/pdf`} download aria-label={t("downloadPdfLabel", { number: i.number })} className="text-blue-700 underline hover:text-blue-600">{t("downloadPdf")}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="notifications" className={section}>
        <h2 id="notifications" className={h2}>{t("notifyTitle")}</h2>
        <NotificationEmailForm current={account.notificationEmail} labels={{ label: t("notifyLabel"), save: t("notifySave"), remove: t("notifyRemove"), help: t("notifyHelp") }} />
      </section>

      <AlertSettings accountId={accountId} locale={locale} />

      <section aria-labelledby="license-keys-title" id="license-keys" className={section}>
        <h2 id="license-keys-title" className={h2}>{t("keysTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("keysHelp")}</p>
        {keyError && <p role="alert" className="mt-2 text-sm text-red-700">{keyError}</p>}
        <ul aria-label={t("keysTitle")} className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {subs.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div>
                <span className="font-mono text-sm">{s.licenseKey}</span>
                <span className="ml-2 text-sm text-slate-600">{s.name}</span>
                <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs">{statusLabel(t, s.status)}</span>
              </div>
              <div className="flex items-center gap-2">
                <Link href={`/dashboard/${s.id}/report`} aria-label={t("openDashboardLabel", { key: s.licenseKey })} className={`${button} border border-slate-300 hover:bg-slate-50`}>{t("openDashboard")}</Link>
                {isCancelled(s.status) && (
                  <form action={hideLicenseKey}>
                    <input type="hidden" name="integrationId" value={s.id} />
                    <button type="submit" aria-label={t("removeKeyLabel", { key: s.licenseKey })} className={`${button} border border-red-300 text-red-700 hover:bg-red-50`}>{t("removeKey")}</button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
