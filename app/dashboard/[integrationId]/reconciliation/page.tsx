import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { focusRing, tableScroll } from "@/components/ui-classes";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { formatDate, formatDateTime, formatMoney, type Locale } from "@/lib/i18n/locale";
import { labelOf } from "@/lib/i18n/messages/common";
import { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { buildReconciliationReport } from "@/lib/reconciliation/build-report";
import { byRate } from "@/lib/reconciliation/by-rate";
import { currentMonth, dayOf, lastDayOf, periodFromQuery, periodQuery } from "@/lib/reconciliation/period";
import type { Finding } from "@/lib/reconciliation/target-findings";
import { CheckAgainButton } from "./check-again-button";

const field = `ml-1 rounded border border-slate-300 px-2 py-1 ${focusRing}`;
const money = (locale: Locale, v: { toFixed(n: number): string } | string) => formatMoney(locale, typeof v === "string" ? v : v.toFixed(2));

export default async function ReconciliationPage({ params, searchParams }: {
  params: Promise<{ integrationId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { integrationId } = await params;
  const search = await searchParams;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  const locale = await requestLocale();
  const t = translator(reconciliationMessages, locale);
  const target = systemNames[integration.targetSystem as SystemId] ?? integration.targetSystem;
  const period = periodFromQuery(search);
  const report = await buildReconciliationReport(db(), integrationId, period);
  const findings = report.check?.findings ?? null;
  const rateName = (rate: string) => (rate === "" ? t("unknownRate") : `${rate}%`);
  const chart = byRate(report.rows);
  const query = period.month ? { month: period.month } : { from: dayOf(period.from), to: lastDayOf(period) };
  const exportBase = `/dashboard/${integrationId}/reconciliation/export?${periodQuery(period)}`;

  const groups: { key: string; title: string; items: Finding[] }[] = findings ? [
    { key: "deleted", title: t("kind.deleted", { target }), items: findings.deleted },
    { key: "twice", title: t("kind.twice", { target }), items: findings.twice },
    { key: "otherAmounts", title: t("kind.otherAmounts", { target }), items: findings.otherAmounts },
  ].filter((g) => g.items.length > 0) : [];
  const docLink = (documentId: string, kind: string, label: string) => (
    <Link href={`/dashboard/${integrationId}/documents/${documentId}`} className={`rounded hover:underline ${focusRing}`}>{labelOf(locale, "kind", kind)} {label}</Link>
  );

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">{t("heading")}</h2>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("period")}>
        <label>{t("month")} <input type="month" name="month" defaultValue={period.month ?? currentMonth()} className={field} /></label>
        <button type="submit" className={`rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>{t("show")}</button>
      </form>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={`${t("from")} – ${t("to")}`}>
        <label>{t("from")} <input type="date" name="from" defaultValue={period.month ? undefined : dayOf(period.from)} className={field} /></label>
        <label>{t("to")} <input type="date" name="to" defaultValue={period.month ? undefined : lastDayOf(period)} className={field} /></label>
        <button type="submit" className={`rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>{t("show")}</button>
      </form>
      <p className="text-sm text-slate-600" data-testid="reconciliation-period">
        {t("periodLabel", { from: formatDate(locale, period.from), to: formatDate(locale, new Date(period.to.getTime() - 86_400_000)) })}
      </p>
      <p className="max-w-3xl text-sm text-slate-600">{t("eligibleExplained", { count: report.notEligibleCount })}</p>

      <div className="flex flex-wrap items-center gap-3" data-testid="reconciliation-check">
        <p className="text-sm" role="status">
          {!report.check ? t("notChecked", { target })
            : report.check.status === "done" ? t("checkedAt", { target, time: formatDateTime(locale, report.check.checkedAt) })
            : t("checkFailed", { target, time: formatDateTime(locale, report.check.checkedAt), error: report.check.error ?? "" })}
        </p>
        <CheckAgainButton integrationId={integrationId} query={query} label={t("checkAgain")} busyLabel={t("checking")} />
        <a href={`${exportBase}&format=csv`} className={`rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 ${focusRing}`}>{t("exportCsv")}</a>
        <a href={`${exportBase}&format=pdf`} className={`rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 ${focusRing}`}>{t("exportPdf")}</a>
      </div>

      <dl className="grid max-w-2xl grid-cols-3 gap-3" aria-label={t("summary")}>
        {([["shopTotal", report.total.shop.incl], ["bookedTotal", report.total.booked.incl], ["difference", report.total.difference.incl]] as const).map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd className="font-mono text-lg" data-testid={`total-${key}`}>{money(locale, value)}</dd>
          </div>
        ))}
      </dl>

      <div className={tableScroll}>
        <table className="w-full min-w-[48rem] text-left text-sm" aria-label={t("tableLabel")}>
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-3">{t("rate")}</th>
              <th className="pr-3">{t("country")}</th>
              <th className="pr-3 text-right">{t("shopTotal")} {t("excl")}</th>
              <th className="pr-3 text-right">{t("shopTotal")} {t("vat")}</th>
              <th className="pr-3 text-right">{t("shopTotal")} {t("incl")}</th>
              <th className="pr-3 text-right">{t("bookedTotal")} {t("vat")}</th>
              <th className="pr-3 text-right">{t("bookedTotal")} {t("incl")}</th>
              <th className="text-right">{t("difference")} {t("incl")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {report.rows.map((r) => (
              <tr key={`${r.rate}|${r.country}`} data-testid="reconciliation-row" className={r.difference.incl.isZero() ? "" : "bg-amber-50"}>
                <td className="py-1.5 pr-3">{rateName(r.rate)}</td>
                <td className="pr-3">{r.country || "—"}</td>
                <td className="pr-3 text-right font-mono">{money(locale, r.shop.excl)}</td>
                <td className="pr-3 text-right font-mono">{money(locale, r.shop.vat)}</td>
                <td className="pr-3 text-right font-mono">{money(locale, r.shop.incl)}</td>
                <td className="pr-3 text-right font-mono">{money(locale, r.booked.vat)}</td>
                <td className="pr-3 text-right font-mono">{money(locale, r.booked.incl)}</td>
                <td className="text-right font-mono">{money(locale, r.difference.incl)}</td>
              </tr>
            ))}
            {!report.otherAmounts.isZero() && (
              <tr className="bg-amber-50">
                <td className="py-1.5 pr-3" colSpan={6}>{t("otherAmountsRow", { target })}</td>
                <td className="pr-3 text-right font-mono">{money(locale, report.otherAmounts)}</td>
                <td className="text-right font-mono">{money(locale, report.otherAmounts.neg())}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {chart.length > 0 && (
        <GroupedBarChart
          testId="reconciliation-chart"
          title={t("chartTitle")}
          dataLabel={t("chartData")}
          label={t("chartLabel", { values: chart.map((c) => `${rateName(c.rate)} ${t("shopTotal")} ${money(locale, c.shop)}, ${t("bookedTotal")} ${money(locale, c.booked)}`).join("; ") })}
          categories={chart.map((c) => rateName(c.rate))}
          series={[
            { name: t("shopTotal"), color: "#64748b", values: chart.map((c) => c.shop.toNumber()), labels: chart.map((c) => money(locale, c.shop)) },
            { name: t("bookedTotal"), color: "#7c3aed", values: chart.map((c) => c.booked.toNumber()), labels: chart.map((c) => money(locale, c.booked)) },
          ]}
        />
      )}

      <section aria-labelledby="differences" className="space-y-4">
        <h3 id="differences" className="text-lg font-semibold">{t("differencesHeading")}</h3>
        {report.notBooked.count === 0 && groups.length === 0 && <p className="text-sm text-slate-600">{t("noDifferences")}</p>}
        {report.notBooked.count > 0 && (
          <div data-testid="difference-notBooked">
            <h4 className="font-medium">{t("kind.notBooked")} ({report.notBooked.count})</h4>
            <ul className="mt-1 divide-y divide-slate-200 text-sm">
              {report.notBooked.documents.map((d) => (
                <li key={d.documentId} className="flex flex-wrap gap-3 py-1">
                  {docLink(d.documentId, d.kind, d.label)}
                  <span className="text-slate-600">{t(`status.${d.status}` as "status.error")}</span>
                  <span className="ml-auto font-mono">{money(locale, d.incl)}</span>
                </li>
              ))}
            </ul>
            {report.notBooked.count > report.notBooked.documents.length && <p className="text-sm text-slate-600">{t("more", { count: report.notBooked.count - report.notBooked.documents.length })}</p>}
          </div>
        )}
        {groups.map((g) => (
          <div key={g.key} data-testid={`difference-${g.key}`}>
            <h4 className="font-medium">{g.title} ({g.items.length})</h4>
            <ul className="mt-1 divide-y divide-slate-200 text-sm">
              {g.items.map((f) => (
                <li key={f.documentId} className="flex flex-wrap gap-3 py-1" data-testid="difference-document">
                  {docLink(f.documentId, f.kind, f.label)}
                  <span className="text-slate-600">{t("inTarget", { target })}: {f.targetNumbers.join(", ") || "—"}</span>
                  <span className="ml-auto font-mono">{t("shopAmount")} {money(locale, f.shopIncl)} · {t("targetAmount", { target })} {money(locale, f.targetIncl)}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
