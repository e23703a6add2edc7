import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketStatus, ticketKindLabel } from "@/components/ticket-status";
import { systemNames, type SystemId } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/locale";
import { opsMessages } from "@/lib/i18n/messages/ops";
import { supportMessages, type SupportKey } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { merchantOverview } from "@/lib/support/merchants";
import { ticketNumber } from "@/lib/support/ticket-number";
import { requireOperatorRole } from "../../access";

const th = "px-4 py-2";
const td = "px-4 py-2";

/** One merchant for an operator: logins, integrations (status, trial, paid until, errors, open), recent errors, tickets. */
export default async function MerchantPage({ params }: { params: Promise<{ accountId: string }> }) {
  await requireOperatorRole();
  const { accountId } = await params;
  const merchant = await merchantOverview(db(), accountId);
  if (!merchant) notFound();
  const locale = await requestLocale();
  const t = translator(opsMessages, locale);
  const ts = translator(supportMessages, locale);
  const day = (date: Date | null) => (date ? formatDate(locale, date) : "–");
  const system = (id: string) => systemNames[id as SystemId] ?? id;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/ops/merchants" className="text-sm text-blue-700 hover:underline">{t("backToMerchants")}</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold">{merchant.name}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("merchantMeta", { locale: merchant.locale, country: merchant.country ?? "–", since: formatDate(locale, merchant.createdAt) })}</p>
            {merchant.notificationEmail && <p className="text-sm text-slate-600">{t("notificationEmail", { email: merchant.notificationEmail })}</p>}
          </div>
          <form method="post" action="/api/ops/view-as" className="max-w-xs text-right">
            <input type="hidden" name="accountId" value={merchant.id} />
            <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">{t("openDashboard")}</button>
            <p className="mt-1 text-xs text-slate-500">{t("openDashboardHint")}</p>
          </form>
        </div>
      </div>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="text-lg font-semibold">{t("usersTitle")}</h2>
        <ul className="mt-2 text-sm">
          {merchant.users.map((u) => (
            <li key={u.id}>{u.email}{u.name ? ` (${u.name})` : ""} · {u.role} · {u.lastLoginAt ? t("lastLogin", { when: formatDateTime(locale, u.lastLoginAt) }) : t("neverLoggedIn")}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="integrations-heading">
        <h2 id="integrations-heading" className="text-lg font-semibold">{t("integrationsTitle")}</h2>
        {merchant.integrations.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("integrationsEmpty")}</p> : (
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm" aria-label={t("integrationsTable")}>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
                <tr>
                  <th className={th}>{t("colIntegration")}</th><th className={th}>{t("colLicenseKey")}</th><th className={th}>{t("colSystems")}</th>
                  <th className={th}>{t("colStatus")}</th><th className={th}>{t("colTrialEnds")}</th><th className={th}>{t("colPaidUntil")}</th>
                  <th className={`${th} text-right`}>{t("colErrors")}</th><th className={`${th} text-right`}>{t("colOpen")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {merchant.integrations.map((i) => (
                  <tr key={i.id} data-testid="integration-row">
                    <td className={td}>{i.name}</td>
                    <td className={`${td} font-mono text-xs`}>{i.licenseKey}</td>
                    <td className={td}>{system(i.sourceSystem)} → {system(i.targetSystem)}</td>
                    <td className={td}>{i.status}</td>
                    <td className={`${td} whitespace-nowrap`}>{day(i.trialEndsAt)}</td>
                    <td className={`${td} whitespace-nowrap`}>{day(i.paidUntil)}</td>
                    <td className={`${td} text-right ${i.errors ? "font-semibold text-red-700" : ""}`}>{i.errors}</td>
                    <td className={`${td} text-right`}>{i.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="errors-heading">
        <h2 id="errors-heading" className="text-lg font-semibold">{t("errorsTitle")}</h2>
        {merchant.recentErrors.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("errorsEmpty")}</p> : (
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm" aria-label={t("errorsTable")}>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
                <tr><th className={th}>{t("colDocument")}</th><th className={th}>{t("colLicenseKey")}</th><th className={th}>{t("colError")}</th><th className={th}>{t("colWhen")}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {merchant.recentErrors.map((d) => (
                  <tr key={d.id} className="align-top">
                    <td className={`${td} whitespace-nowrap`}>{ts(`kind_${d.kind}` as SupportKey)} {d.sourceNumber ?? d.sourceId}</td>
                    <td className={`${td} font-mono text-xs`}>{d.integration.licenseKey}</td>
                    <td className={td}><span className="font-mono text-xs text-slate-500">{d.errorCode}</span> {d.errorDetail}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatDateTime(locale, d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="tickets-heading">
        <h2 id="tickets-heading" className="text-lg font-semibold">{t("ticketsTitle")}</h2>
        {merchant.tickets.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("inboxEmpty")}</p> : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {merchant.tickets.map((ticket) => (
              <li key={ticket.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
                <span className="font-mono text-xs">{ticketNumber(ticket.id)}</span>
                <Link href={`/ops/tickets/${ticket.id}`} className="text-blue-700 hover:underline">{ticket.subject}</Link>
                <span className="text-slate-500">{ticketKindLabel(ticket.kind, ts)}</span>
                <TicketStatus status={ticket.status} t={ts} />
                <span className="text-slate-500">{formatDateTime(locale, ticket.updatedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
