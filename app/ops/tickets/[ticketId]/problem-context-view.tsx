import { formatDateTime, formatMoney, type Locale } from "@/lib/i18n/locale";
import type { OpsKey } from "@/lib/i18n/messages/ops";
import type { SupportKey } from "@/lib/i18n/messages/support";
import type { Translate } from "@/lib/i18n/translate";
import type { DocumentSnapshot, ProblemContext } from "@/lib/support/problem-context";

/** A body as sent: JSON indented for reading, anything else as it is. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** What a Report problem ticket carries, readable: per document its state, its error and the raw exchange. */
export function ProblemContextView({ context, locale, t, ts }: { context: ProblemContext; locale: Locale; t: Translate<OpsKey>; ts: Translate<SupportKey> }) {
  return (
    <div className="space-y-6">
      {context.documents.map((snapshot) => <DocumentView key={snapshot.document.id} snapshot={snapshot} locale={locale} t={t} ts={ts} />)}
    </div>
  );
}

function DocumentView({ snapshot, locale, t, ts }: { snapshot: DocumentSnapshot; locale: Locale; t: Translate<OpsKey>; ts: Translate<SupportKey> }) {
  const { document: d, error, calls } = snapshot;
  const money = (amount: string | null) => (amount ? formatMoney(locale, amount, d.currency ?? "EUR") : "–");
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label={t("contextDocument", { kind: ts(`kind_${d.kind}` as SupportKey), number: d.sourceNumber ?? d.sourceId })}>
      <h3 className="font-semibold">{t("contextDocument", { kind: ts(`kind_${d.kind}` as SupportKey), number: d.sourceNumber ?? d.sourceId })}</h3>
      <p className="text-slate-600">{t("contextStatus", { status: d.status, attempts: d.attempts, received: formatDateTime(locale, new Date(d.receivedAt)) })}</p>
      <p className="text-slate-600">{t("contextTotals", { incl: money(d.totalInclVat), excl: money(d.totalExclVat) })}</p>
      {d.customerName && <p className="text-slate-600">{t("contextCustomer", { name: d.customerName })}</p>}
      {(d.targetNumber || d.targetRef) && <p className="text-slate-600">{t("contextBooked", { ref: d.targetNumber ?? d.targetRef ?? "" })}</p>}
      <p className="text-xs text-slate-500">{t("contextReportedAt", { when: formatDateTime(locale, new Date(snapshot.reportedAt)) })}</p>
      {(error.code || error.detail) && (
        <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="font-mono text-xs text-amber-800">{error.code}</p>
          <p>{error.detail}</p>
        </div>
      )}
      <h4 className="mt-3 font-semibold">{t("exchangeTitle", { count: calls.length })}</h4>
      {snapshot.callsOmitted > 0 && <p className="text-xs text-slate-500">{t("exchangeOmitted", { count: snapshot.callsOmitted })}</p>}
      {calls.length === 0 ? <p className="text-slate-600">{t("exchangeNone")}</p> : (
        <ol className="mt-2 space-y-2 text-xs" data-testid="raw-exchange">
          {calls.map((c, i) => (
            <li key={i} className="rounded border border-slate-200 p-2">
              <details>
                <summary className="cursor-pointer font-mono break-all">{formatDateTime(locale, new Date(c.at))} {c.system} {c.method} {c.url} → {c.status ?? c.error} {c.durationMs !== null && `(${c.durationMs} ms)`}</summary>
                {c.error && <p className="mt-2 text-red-700">{c.error}</p>}
                {c.requestBody && <><p className="mt-2 font-semibold">{t("request")}</p><pre className="overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{readable(c.requestBody)}</pre></>}
                {c.responseBody && <><p className="mt-2 font-semibold">{t("response")}</p><pre className="overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{readable(c.responseBody)}</pre></>}
              </details>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
