import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { documentPage } from "@/lib/dashboard/document-pages";
import { findIntegration, type DocumentTab } from "@/lib/dashboard/integrations";
import { pageRequestFrom } from "@/lib/dashboard/keyset";
import { paymentPage } from "@/lib/dashboard/payment-pages";
import { periodFrom, periodQuery } from "@/lib/dashboard/period";
import { db } from "@/lib/db/client";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { focusRing } from "@/components/ui-classes";
import { PaymentsTable } from "../payments-table";
import { ConfigurationTab } from "../configuration-tab";
import { ErrorsTab } from "../errors/errors-tab";
import { CsvLink } from "../lists/csv-link";
import { DocumentTable } from "../lists/document-table";
import { Pager } from "../lists/pager";
import { ListStatus } from "../lists/list-status";
import { ProcessSelected } from "../lists/selection";

const field = `ml-1 rounded border border-slate-300 px-2 py-1 ${focusRing}`;

export default async function TabPage({ params, searchParams }: {
  params: Promise<{ integrationId: string; tab: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { integrationId, tab } = await params;
  const raw = await searchParams;
  const search = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string | undefined>;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  if (tab === "configuration") return <ConfigurationTab integration={integration} />;
  if (tab !== "report" && tab !== "errors" && tab !== "open" && tab !== "payments") notFound();

  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const l = translator(listsMessages, locale);
  const empty = (text: string) => <p className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-6 text-slate-600">{text}</p>;
  const period = periodFrom(search);
  const keep = periodQuery(search);
  const page = pageRequestFrom(search);
  const path = `/dashboard/${integrationId}/${tab}`;

  const toolbar = (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("searchByPeriod")}>
        <label>{t("from")} <input type="date" name="from" defaultValue={search.from} className={field} /></label>
        <label>{t("to")} <input type="date" name="to" defaultValue={search.to} className={field} /></label>
        <button type="submit" className={`rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>{t("search")}</button>
      </form>
      <CsvLink integrationId={integrationId} list={tab} period={keep} label={l("downloadCsv")} />
    </div>
  );

  if (tab === "payments") {
    const payments = await paymentPage(db(), accountId, integrationId, { period }, page);
    return (
      <>
        {toolbar}
        {payments.total === 0 ? empty(t("empty.payments")) : (
          <>
            <PaymentsTable integrationId={integrationId} payments={payments.rows} label={t("paymentsTable")} locale={locale} />
            <Pager page={payments} path={path} keep={keep} locale={locale} />
          </>
        )}
      </>
    );
  }

  // Payments that could not be booked belong on Errors too, with their reason and Process.
  const failedPayments = tab === "errors" ? await paymentPage(db(), accountId, integrationId, { statuses: ["error"] }, {}, { withTotal: false }) : undefined;
  const listed = tab === "errors" ? undefined : await documentPage(db(), accountId, integrationId, { tab: tab as DocumentTab, period }, page);
  const errorsEmpty = tab === "errors" && !(await documentPage(db(), accountId, integrationId, { tab: "errors", period }, {}, { size: 1, withTotal: false })).rows.length;
  const form = `select-${tab}`;
  return (
    <>
      {toolbar}
      {tab === "errors" ? (
        errorsEmpty ? empty(t("empty.errors")) : (
          <ErrorsTab accountId={accountId} integrationId={integrationId} locale={locale} period={period} periodQuery={keep} openGroup={search.group} page={page} />
        )
      ) : listed && listed.total === 0 ? empty(t(`empty.${tab}`)) : listed && (
        <div className="space-y-2">
          {tab === "open" && (
            <div className="flex flex-wrap items-center gap-3">
              <ProcessSelected form={form} integrationId={integrationId}
                labels={{ button: l("processSelected"), buttonCount: l("processSelectedCount"), nothingSelected: l("bulkNothingSelected"), failed: l("bulkFailed") }} />
              <ListStatus />
            </div>
          )}
          <DocumentTable integrationId={integrationId} tab={tab} rows={listed.rows} locale={locale} selectForm={tab === "open" ? form : undefined} />
          <Pager page={listed} path={path} keep={keep} locale={locale} />
        </div>
      )}
      {failedPayments && failedPayments.rows.length > 0 && (
        <section className="mt-8" aria-label={t("paymentsWithErrors")}>
          <h2 className="mb-2 text-lg font-semibold">{t("payments")}</h2>
          <PaymentsTable integrationId={integrationId} payments={failedPayments.rows} label={t("paymentErrorsTable")} locale={locale} />
        </section>
      )}
    </>
  );
}
