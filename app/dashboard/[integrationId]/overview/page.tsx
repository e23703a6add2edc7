import { notFound } from "next/navigation";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { focusRing } from "@/components/ui-classes";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { formatDateTime, formatMoney, type Locale } from "@/lib/i18n/locale";
import { overviewMessages } from "@/lib/i18n/messages/overview";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { documentsPerDay } from "@/lib/overview/documents-per-day";
import { lastActivity } from "@/lib/overview/last-activity";
import { revenueOfPeriod, type Revenue } from "@/lib/overview/revenue";
import { currentMonth, monthPeriod, todayInAmsterdam } from "@/lib/reconciliation/period";

const field = `ml-1 rounded border border-slate-300 px-2 py-1 ${focusRing}`;

function monthName(locale: Locale, month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export default async function OverviewPage({ params, searchParams }: {
  params: Promise<{ integrationId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { integrationId } = await params;
  const search = await searchParams;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  const locale = await requestLocale();
  const t = translator(overviewMessages, locale);
  const month = search.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month) ? search.month : currentMonth();
  const [days, revenue, activity] = await Promise.all([
    documentsPerDay(db(), integrationId, todayInAmsterdam()),
    revenueOfPeriod(db(), integrationId, monthPeriod(month)),
    lastActivity(db(), integrationId),
  ]);
  const name = monthName(locale, month);
  const money = (v: { toFixed(n: number): string }) => formatMoney(locale, v.toFixed(2));
  const when = (d: Date | null) => (d ? formatDateTime(locale, d) : t("never"));
  const sum = (k: "booked" | "open" | "error") => days.reduce((n, d) => n + d[k], 0);
  const rateName = (r: string) => (r === "" ? t("unknownRate") : `${r}%`);
  const countryName = (c: string) => c || t("unknownCountry");
  const revenueChart = (rows: Revenue[], nameOf: (k: string) => string, kind: "perRate" | "perCountry") => (
    <GroupedBarChart
      testId={`overview-${kind}`}
      title={t(`${kind}Title`, { month: name })}
      dataLabel={t("chartData")}
      label={t(`${kind}Label`, { month: name, values: rows.map((r) => `${nameOf(r.key)} ${money(r.excl)}`).join("; ") })}
      categories={rows.map((r) => nameOf(r.key))}
      series={[{ name: t("revenue"), color: "#0f766e", values: rows.map((r) => r.excl.toNumber()), labels: rows.map((r) => money(r.excl)) }]}
    />
  );
  const health = (status: string | undefined) => t(`health.${status === "ok" || status === "error" ? status : "unknown"}`);

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">{t("heading")}</h2>
      <StackedBarChart
        testId="overview-per-day"
        title={t("perDayTitle")}
        dataLabel={t("chartData")}
        label={t("perDayLabel", { booked: sum("booked"), open: sum("open"), error: sum("error") })}
        categories={days.map((d) => d.day.slice(5))}
        series={[
          { name: t("booked"), color: "#7c3aed", values: days.map((d) => d.booked), labels: days.map((d) => String(d.booked)) },
          { name: t("open"), color: "#f59e0b", values: days.map((d) => d.open), labels: days.map((d) => String(d.open)) },
          { name: t("errors"), color: "#dc2626", values: days.map((d) => d.error), labels: days.map((d) => String(d.error)) },
        ]}
      />
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("month")}>
        <label>{t("month")} <input type="month" name="month" defaultValue={month} className={field} /></label>
        <button type="submit" className={`rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>{t("show")}</button>
      </form>
      {revenue.perRate.length === 0 ? <p className="text-sm text-slate-600">{t("noRevenue", { month: name })}</p> : (
        <div className="grid gap-4 lg:grid-cols-2">
          {revenueChart(revenue.perRate, rateName, "perRate")}
          {revenueChart(revenue.perCountry, countryName, "perCountry")}
        </div>
      )}
      <section aria-labelledby="connections" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="connections" className="mb-2 font-medium">{t("connections")}</h3>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium">{t("shop", { system: systemNames[integration.sourceSystem as SystemId] ?? integration.sourceSystem })}</dt>
            <dd>{t("lastSync")}: <span data-testid="last-sync">{when(activity.source.lastSyncAt)}</span></dd>
            <dd>{t("lastDocument")}: <span data-testid="last-document">{when(activity.source.lastDocumentAt)}</span></dd>
            <dd>{t("health")}: {health(activity.source.connection?.status)}{activity.source.connection?.statusDetail ? ` (${activity.source.connection.statusDetail})` : ""}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("accounting", { system: systemNames[integration.targetSystem as SystemId] ?? integration.targetSystem })}</dt>
            <dd>{t("lastBooking")}: <span data-testid="last-booking">{when(activity.target.lastBookingAt)}</span></dd>
            <dd>{t("health")}: {health(activity.target.connection?.status)}{activity.target.connection?.statusDetail ? ` (${activity.target.connection.statusDetail})` : ""}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
