import Link from "next/link";
import { notFound } from "next/navigation";
import { systemNames, type SourceSystem } from "@/connectors/types";
import { focusRing, tableScroll } from "@/components/ui-classes";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { currentImport } from "@/lib/history-import/commands";
import { historySources } from "@/lib/history-import/sources";
import { importProgress, scanSummary, type KindTotals } from "@/lib/history-import/summary";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { formatDate, formatMoney, type Locale } from "@/lib/i18n/locale";
import { historyImportMessages } from "@/lib/i18n/messages/history-import";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator, type Translate } from "@/lib/i18n/translate";
import { startDateOf } from "@/lib/pipeline/start-date";
import { AutoRefresh } from "./auto-refresh";
import { dateField, primary, secondary } from "./classes";
import { HistoryForm } from "./history-form";

type T = Translate<keyof (typeof historyImportMessages)["en"]>;

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The History import tab: scan a range, see what will be booked, start, follow, pause, resume, cancel. */
export default async function HistoryPage({ params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { accountId } = await requireAccount();
  const found = await findIntegration(db(), accountId, integrationId);
  if (!found) notFound();
  const locale = await requestLocale();
  const t = translator(historyImportMessages, locale);
  const integration = await loadIntegration(db(), found.id);
  const startDate = startDateOf(integration);

  if (!historySources.has(integration.sourceSystem as SourceSystem)) {
    return <Section t={t} startDate={startDate} locale={locale}><p>{t("notSupported", { shop: systemNames[integration.sourceSystem as SourceSystem] })}</p></Section>;
  }
  const run = await currentImport(db(), integration.id);
  const range = run ? { from: formatDate(locale, asDate(run.fromDate)), to: formatDate(locale, asDate(run.toDate)) } : { from: "", to: "" };
  const newImport = (
    <HistoryForm integrationId={integration.id} hidden={{ command: "scan" }} className="mt-4 flex flex-wrap items-end gap-3">
      <label className="text-sm">{t("from")}<input type="date" name="from" required defaultValue={yearBefore(dayBefore(startDate))} className={dateField} /></label>
      <label className="text-sm">{t("to")}<input type="date" name="to" required defaultValue={dayBefore(startDate)} className={dateField} /></label>
      <button type="submit" className={primary}>{t("scan")}</button>
    </HistoryForm>
  );

  if (!run || run.status === "failed") {
    return (
      <Section t={t} startDate={startDate} locale={locale}>
        {run?.failure && <p role="alert" className="text-sm text-red-700">{t("scanFailed", { reason: run.failure })}</p>}
        {newImport}
      </Section>
    );
  }

  if (run.status === "scanning") {
    return (
      <Section t={t} startDate={startDate} locale={locale}>
        <AutoRefresh everyMs={2000} />
        <p role="status">{t("scanning", { count: run.scanned.toLocaleString(locale) })}</p>
        <Commands t={t} integrationId={integration.id} importId={run.id} commands={["cancel"]} />
      </Section>
    );
  }

  const summary = await scanSummary(db(), run.id);
  if (run.status === "ready") {
    return (
      <Section t={t} startDate={startDate} locale={locale}>
        <h3 className="text-lg font-medium">{t("readyHeading", range)}</h3>
        <p className="mt-2 text-xl font-semibold" data-testid="history-to-book">{t("toBook", { count: summary.toBookCount.toLocaleString(locale) })}</p>
        <TotalsTable t={t} locale={locale} rows={summary.toBook} label={t("toBook", { count: summary.toBookCount })} />
        {summary.alreadyBooked > 0 && <p className="mt-2 text-sm">{t("alreadyBooked", { count: summary.alreadyBooked })}</p>}
        {summary.notEligible > 0 && (
          <div className="mt-2 text-sm">
            <p>{t("notEligible", { count: summary.notEligible })}</p>
            <ul className="ml-5 list-disc text-slate-600">{summary.reasons.map((r) => <li key={r.reason}>{t("reasonCount", { count: r.count })} {r.reason}</li>)}</ul>
          </div>
        )}
        <Commands t={t} integrationId={integration.id} importId={run.id} commands={summary.toBookCount > 0 ? ["start", "cancel"] : ["cancel"]} />
      </Section>
    );
  }

  const progress = await importProgress(db(), run.id);
  const finished = run.status === "done" || run.status === "cancelled";
  const done = progress.booked + progress.errors + progress.skipped;
  return (
    <Section t={t} startDate={startDate} locale={locale}>
      {!finished && <AutoRefresh everyMs={2000} />}
      {finished
        ? <h3 className="text-lg font-medium">{t(run.status === "done" ? "doneHeading" : "cancelledHeading")}</h3>
        : <p>{t(run.status === "paused" ? "paused" : "running", range)}</p>}
      <div role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={done}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-emerald-600 transition-all" style={{ width: `${progress.total ? (100 * done) / progress.total : 0}%` }} />
      </div>
      <p role="status" className="mt-2 text-sm" data-testid="history-progress">
        {t("progress", { booked: progress.booked, errors: progress.errors, skipped: progress.skipped, remaining: progress.remaining })}
      </p>
      {finished && (
        <div className="mt-4" data-testid="history-summary">
          <p className="font-medium">{t("summary", { booked: progress.booked.toLocaleString(locale), errors: progress.errors, skipped: progress.skipped })}</p>
          {progress.remaining > 0 && <p className="text-sm">{t("notBooked", { remaining: progress.remaining })}</p>}
          {progress.bookedTotals.length > 0 && <TotalsTable t={t} locale={locale} rows={progress.bookedTotals} label={t("bookedTotals")} />}
          {progress.errors > 0 && <p className="mt-2"><Link href={`/dashboard/${integration.id}/errors`} className={`text-blue-700 underline ${focusRing}`}>{t("errorsLink")}</Link></p>}
        </div>
      )}
      {!finished && <Commands t={t} integrationId={integration.id} importId={run.id} commands={run.status === "paused" ? ["resume", "cancel"] : ["pause", "cancel"]} />}
      {finished && <><h3 className="mt-8 text-lg font-medium">{t("newImport")}</h3>{newImport}</>}
    </Section>
  );
}

function Section({ t, startDate, locale, children }: { t: T; startDate: string; locale: Locale; children: React.ReactNode }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="history-heading" className="text-xl font-semibold">{t("heading")}</h2>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-slate-600">{t("intro", { startDate: formatDate(locale, asDate(startDate)) })}</p>
      {children}
    </section>
  );
}

function Commands({ t, integrationId, importId, commands }: { t: T; integrationId: string; importId: string; commands: ("start" | "pause" | "resume" | "cancel")[] }) {
  return (
    <div className="mt-4 flex flex-wrap gap-2">
      {commands.map((command) => (
        <HistoryForm key={command} integrationId={integrationId} hidden={{ command, importId }}>
          <button type="submit" className={command === "cancel" ? secondary : primary}>{t(command)}</button>
        </HistoryForm>
      ))}
    </div>
  );
}

function TotalsTable({ t, locale, rows, label }: { t: T; locale: Locale; rows: KindTotals[]; label: string }) {
  return (
    <div className={`${tableScroll} mt-3`}>
      <table className="min-w-full text-sm" aria-label={label}>
        <thead><tr className="text-left text-slate-600"><th className="py-1 pr-4">{t("kind")}</th><th className="py-1 pr-4 text-right">{t("count")}</th><th className="py-1 pr-4 text-right">{t("incl")}</th><th className="py-1 text-right">{t("excl")}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind} className="border-t border-slate-100">
              <td className="py-1 pr-4">{t(`kind.${r.kind}` as "kind.invoice")}</td>
              <td className="py-1 pr-4 text-right">{r.count.toLocaleString(locale)}</td>
              <td className="py-1 pr-4 text-right">{formatMoney(locale, r.incl, "EUR")}</td>
              <td className="py-1 text-right">{formatMoney(locale, r.excl, "EUR")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
