import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { externalCallsFor, findDocument } from "@/lib/dashboard/documents";
import { db } from "@/lib/db/client";
import { formatDateTime, formatMoney } from "@/lib/i18n/locale";
import { labelOf } from "@/lib/i18n/messages/common";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { errorHeadline } from "@/lib/i18n/messages/error-headlines";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { focusRing } from "@/components/ui-classes";
import { DocumentActions } from "../../document-actions";

/** Where "← Back" goes: the tab that lists a document in this state. */
const tabOf = (status: string) => (status === "booked" ? "report" : status === "open" ? "open" : "errors");

/** "More info": why a document is where it is, and every exchange with the shop and the accounting system. */
export default async function DocumentPage({ params }: { params: Promise<{ integrationId: string; documentId: string }> }) {
  const { integrationId, documentId } = await params;
  const { accountId } = await requireAccount();
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) notFound();
  const calls = await externalCallsFor(db(), accountId, documentId);
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const headline = errorHeadline(locale, document.errorCode);
  const facts: [string, string | null][] = [
    [t("customer"), document.customerName],
    [t("total"), document.totalInclVat ? formatMoney(locale, document.totalInclVat, document.currency) : null],
    [t("received"), formatDateTime(locale, document.receivedAt)],
    [t("bookedAt"), document.bookedAt ? formatDateTime(locale, document.bookedAt) : null],
  ];
  return (
    <section aria-label={t("moreInfo")} className="space-y-4">
      <Link href={`/dashboard/${integrationId}/${tabOf(document.status)}`} className={`rounded text-sm text-blue-700 hover:underline ${focusRing}`}>{t("back")}</Link>
      <h2 className="text-lg font-semibold break-words">{labelOf(locale, "kind", document.kind)} {document.sourceNumber ?? document.sourceId}</h2>
      <p className="text-sm">
        {t("statusLine")}: <strong>{labelOf(locale, "document", document.status)}</strong>
        {document.targetNumber || document.targetRef ? ` · ${t("bookedAsRef", { ref: document.targetNumber ?? document.targetRef ?? "" })}` : ""} · {t("attemptsCount", { count: document.attempts })}
      </p>
      <dl className="grid max-w-lg grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {facts.filter(([, value]) => value).map(([term, value]) => (
          <div key={term} className="contents"><dt className="text-slate-500">{term}</dt><dd className="break-words">{value}</dd></div>
        ))}
      </dl>
      {document.errorDetail && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {headline && <p className="font-medium text-amber-900">{headline}</p>}
          <p className="font-mono text-xs text-amber-800">{document.errorCode}</p>
          <p data-testid="error-detail" className="break-words">{document.errorDetail}</p>
        </div>
      )}
      {document.status !== "booked" && <DocumentActions integrationId={integrationId} documentId={documentId} canReport={document.status === "error"} />}
      <h3 className="font-semibold">{t("exchanges")}</h3>
      {calls.length === 0 ? <p className="text-sm text-slate-600">{t("noCalls")}</p> : (
        <ol className="space-y-2 text-xs">
          {calls.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-2">
              <details>
                <summary className={`cursor-pointer rounded font-mono break-all ${focusRing}`}>
                  <time dateTime={c.at.toISOString()}>{formatDateTime(locale, c.at)}</time> {c.system} {c.method} {c.url} → {c.status ?? c.error} ({c.durationMs} ms)
                </summary>
                {c.requestBody && <pre aria-label={t("request")} className="mt-2 overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{c.requestBody}</pre>}
                {c.responseBody && <pre aria-label={t("response")} className="mt-2 overflow-x-auto whitespace-pre-wrap break-all bg-slate-50 p-2">{c.responseBody}</pre>}
              </details>
            </li>
          ))}
        </ol>
      )}
      <details className="text-xs">
        <summary className={`cursor-pointer rounded ${focusRing}`}>{t("asReceived")}</summary>
        <pre className="mt-2 overflow-x-auto bg-slate-50 p-2">{JSON.stringify(document.rawPayload, null, 2)}</pre>
      </details>
    </section>
  );
}
