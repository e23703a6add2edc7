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
import { documentTrail } from "@/lib/audit/document-trail";
import type { ShopChange } from "@/lib/changes/compare-booked";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { bookingSettingOf } from "@/lib/pipeline/booking-setting";
import { undoSupportOf } from "@/lib/undo/undo-support";
import { AuditTrail } from "./audit-trail";
import { ChangesSection } from "./changes-section";
import { PreviewSection } from "./preview-section";
import { UndoButton } from "./undo-button";

/** Statuses a preview makes sense for: not booked, not being booked right now. */
const previewable = (status: string) => status === "open" || status === "error" || status === "queued";

/** Where "← Back" goes: the tab that lists a document in this state. */
const tabOf = (status: string) => (status === "booked" ? "report" : status === "open" ? "open" : "errors");

/** "More info": why a document is where it is, and every exchange with the shop and the accounting system. */
export default async function DocumentPage({ params, searchParams }: { params: Promise<{ integrationId: string; documentId: string }>; searchParams: Promise<{ preview?: string; before?: string }> }) {
  const { integrationId, documentId } = await params;
  const query = await searchParams;
  const { accountId } = await requireAccount();
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) notFound();
  const calls = await externalCallsFor(db(), accountId, documentId);
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const p = translator(documentPageMessages, locale);
  const before = query.before && !Number.isNaN(Date.parse(query.before)) ? new Date(query.before) : undefined;
  const trail = await documentTrail(db(), accountId, documentId, { before });
  const integration = await db().integration.findUniqueOrThrow({ where: { id: integrationId }, select: { targetSystem: true, settings: { where: { key: { in: ["target", "booking"] } }, select: { key: true, value: true } } } });
  const settingOf = (key: string) => integration.settings.find((x) => x.key === key)?.value;
  const undo = undoSupportOf(integration.targetSystem, settingOf("target"));
  const here = `/dashboard/${integrationId}/documents/${documentId}`;
  const showPreview = previewable(document.status) && query.preview === "1";
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
      {Array.isArray(document.shopChanges) && document.shopChanges.length > 0 && (
        <ChangesSection changes={document.shopChanges as ShopChange[]} at={document.shopChangedAt} autoRebook={bookingSettingOf(settingOf("booking")).creditAndRebook && undo.supported} locale={locale} />
      )}
      {previewable(document.status) && (
        <p>
          <Link href={showPreview ? here : `${here}?preview=1`} className={`inline-block rounded border border-blue-600 px-2 py-1 text-xs font-medium text-blue-700 hover:bg-blue-50 ${focusRing}`}>
            {showPreview ? p("previewHide") : p("previewButton")}
          </Link>
        </p>
      )}
      {showPreview && <PreviewSection documentId={documentId} integrationId={integrationId} locale={locale} />}
      {document.status === "booked" && document.targetRef && (
        <section aria-labelledby="undo-heading" className="space-y-1 text-sm">
          <h3 id="undo-heading" className="font-semibold">{p("undoHeading")}</h3>
          {undo.supported ? (
            <>
              <p className="text-xs text-slate-600">{p(undo.how === "deleted" ? "undoExplainDelete" : "undoExplainCredit")}</p>
              <UndoButton integrationId={integrationId} documentId={documentId} bookedAs={document.targetNumber ?? document.targetRef} locale={locale} />
            </>
          ) : (
            <p data-testid="undo-unavailable" className="text-xs text-slate-600"><strong>{p("undoNotPossible")}:</strong> {p(`undo.${undo.reason}`)}</p>
          )}
        </section>
      )}
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
      {trail && <AuditTrail entries={trail.entries} olderHref={trail.olderBefore ? `${here}?before=${encodeURIComponent(trail.olderBefore.toISOString())}` : null} locale={locale} />}
      <details className="text-xs">
        <summary className={`cursor-pointer rounded ${focusRing}`}>{t("asReceived")}</summary>
        <pre className="mt-2 overflow-x-auto bg-slate-50 p-2">{JSON.stringify(document.rawPayload, null, 2)}</pre>
      </details>
    </section>
  );
}
