import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration, listDocuments, type DocumentTab, type Period } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney } from "@/lib/i18n/locale";
import { labelOf } from "@/lib/i18n/messages/common";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { errorHeadline } from "@/lib/i18n/messages/error-headlines";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { focusRing, tableScroll } from "@/components/ui-classes";
import { DocumentActions } from "../document-actions";
import { PaymentsTable } from "../payments-table";
import { ConfigurationTab } from "../configuration-tab";
import { listPayments } from "@/lib/dashboard/payments";

const day = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined);

function periodFrom(search: Record<string, string | undefined>): Period {
  const to = day(search.to);
  return { from: day(search.from), to: to && new Date(to.getTime() + 86_400_000) };
}

const field = `ml-1 rounded border border-slate-300 px-2 py-1 ${focusRing}`;

export default async function TabPage({ params, searchParams }: {
  params: Promise<{ integrationId: string; tab: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { integrationId, tab } = await params;
  const search = await searchParams;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const empty = (text: string) => <p className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-6 text-slate-600">{text}</p>;

  if (tab === "configuration") return <ConfigurationTab integration={integration} />;
  if (tab === "payments") {
    const payments = await listPayments(db(), accountId, integrationId);
    return payments.length === 0
      ? empty(t("empty.payments"))
      : <PaymentsTable integrationId={integrationId} payments={payments} label={t("paymentsTable")} locale={locale} />;
  }
  if (tab !== "report" && tab !== "errors" && tab !== "open") notFound();

  const documents = await listDocuments(db(), accountId, integrationId, tab as DocumentTab, periodFrom(search));
  // Payments that could not be booked belong on Errors too, with their reason and Process.
  const failedPayments = tab === "errors" ? await listPayments(db(), accountId, integrationId, { statuses: ["error"] }) : [];
  return (
    <>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label={t("searchByPeriod")}>
        <label>{t("from")} <input type="date" name="from" defaultValue={search.from} className={field} /></label>
        <label>{t("to")} <input type="date" name="to" defaultValue={search.to} className={field} /></label>
        <button type="submit" className={`rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>{t("search")}</button>
      </form>
      {documents.length === 0 ? empty(t(`empty.${tab}`)) : (
        <div className={tableScroll}>
          <table className="w-full min-w-[44rem] text-left text-sm" aria-label={t(`table.${tab}`)}>
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4">{tab === "report" ? t("bookedAt") : t("received")}</th>
                <th className="pr-4">{t("document")}</th>
                <th className="pr-4">{t("customer")}</th>
                <th className="text-right">{t("total")}</th>
                <th className="pl-4">{tab === "report" ? t("bookedAs") : tab === "errors" ? t("reason") : t("waitingFor")}</th>
                <th><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {documents.map((d) => {
                const name = `${labelOf(locale, "kind", d.kind)} ${d.sourceNumber ?? d.sourceId}`;
                const headline = tab === "errors" ? errorHeadline(locale, d.errorCode) : undefined;
                const when = tab === "report" ? d.bookedAt : d.receivedAt;
                return (
                  <tr key={d.id} data-testid="document-row" className="align-top">
                    <td className="py-2 pr-4 whitespace-nowrap">{when ? formatDate(locale, when) : ""}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <Link href={`/dashboard/${integrationId}/documents/${d.id}`} className={`rounded hover:underline ${focusRing}`}>{name}</Link>
                    </td>
                    <td className="py-2 pr-4">{d.customerName}</td>
                    <td className="py-2 text-right font-mono whitespace-nowrap">{d.totalInclVat ? formatMoney(locale, d.totalInclVat, d.currency) : ""}</td>
                    <td className="py-2 pl-4">
                      {tab === "report" && <span className="rounded bg-purple-100 px-2 py-0.5 font-mono text-purple-900">{d.targetNumber ?? d.targetRef}</span>}
                      {tab === "errors" && (
                        <>
                          {headline && <strong className="block font-medium text-red-800">{headline}</strong>}
                          <span className="font-mono text-xs text-slate-500">{d.errorCode} </span>{d.errorDetail}
                        </>
                      )}
                      {tab === "open" && d.errorDetail}
                    </td>
                    <td className="py-2 pl-2 whitespace-nowrap text-right">
                      {tab !== "report" && (
                        <>
                          <Link href={`/dashboard/${integrationId}/documents/${d.id}`} className={`mr-2 rounded bg-amber-400 px-2 py-1 text-xs font-medium text-slate-900 hover:bg-amber-300 ${focusRing}`}>{t("moreInfo")}</Link>
                          <DocumentActions integrationId={integrationId} documentId={d.id} canReport={tab === "errors"} />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {failedPayments.length > 0 && (
        <section className="mt-8" aria-label={t("paymentsWithErrors")}>
          <h2 className="mb-2 text-lg font-semibold">{t("payments")}</h2>
          <PaymentsTable integrationId={integrationId} payments={failedPayments} label={t("paymentErrorsTable")} locale={locale} />
        </section>
      )}
    </>
  );
}
