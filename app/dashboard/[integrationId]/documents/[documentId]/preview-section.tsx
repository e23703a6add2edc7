import Link from "next/link";
import { focusRing } from "@/components/ui-classes";
import { formatMoney, type Locale } from "@/lib/i18n/locale";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { errorHeadline } from "@/lib/i18n/messages/error-headlines";
import { translator } from "@/lib/i18n/translate";
import { previewBooking, type PreviewRequest } from "@/lib/preview/preview-booking";

function RequestBlock({ request, label }: { request: PreviewRequest; label: string }) {
  return (
    <div className="mt-1">
      <p className="font-mono text-xs break-all">{request.method} {request.url}</p>
      {request.body && <pre aria-label={label} className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all bg-slate-50 p-2 text-xs">{request.body}</pre>}
    </div>
  );
}

/** "Preview booking" on More info: what Process would book, from the real pipeline, without writing anything. */
export async function PreviewSection({ documentId, integrationId, locale }: { documentId: string; integrationId: string; locale: Locale }) {
  const t = translator(documentPageMessages, locale);
  const preview = await previewBooking(documentId);
  return (
    <section aria-labelledby="preview-heading" data-testid="booking-preview" className="space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3 text-sm">
      <h3 id="preview-heading" className="font-semibold">{t("previewHeading")}</h3>
      <p className="text-slate-700">{t("previewIntro")}</p>
      {!preview.ok ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-2">
          <p className="font-medium text-amber-900">{preview.stage === "shop" ? t("previewShopStage") : (errorHeadline(locale, preview.failure.code) ?? t("previewFailed"))}</p>
          <p className="font-mono text-xs text-amber-800">{preview.failure.code}</p>
          <p data-testid="preview-error" className="break-words">{preview.failure.message}</p>
          {preview.stage !== "shop" && preview.stage !== "eligibility" && (
            <p><Link href={`/dashboard/${integrationId}/configuration`} className={`rounded text-blue-700 underline ${focusRing}`}>{t("previewFix")}</Link></p>
          )}
        </div>
      ) : (
        <>
          {preview.notEligible && <p role="status" className="rounded border border-slate-300 bg-white p-2">{t("previewNotEligible", { reason: preview.notEligible })}</p>}
          {preview.already && <p role="status">{t("previewAlready", { ref: preview.already.number ?? preview.already.id })}</p>}
          <div>
            <h4 className="font-medium">{t("previewDebtor")}</h4>
            {preview.debtor.found ? (
              <p>{preview.debtor.how === "fixed" ? t("previewDebtorFixed", { id: preview.debtor.id }) : t("previewDebtorFound", { id: preview.debtor.id })}</p>
            ) : (
              <>
                <p>{t("previewDebtorNew")}</p>
                {preview.debtor.request && <RequestBlock request={preview.debtor.request} label={t("previewDebtorNew")} />}
              </>
            )}
          </div>
          {preview.products.length > 0 && (
            <div>
              <h4 className="font-medium">{t("previewProducts")}</h4>
              <ul className="list-disc pl-5">
                {preview.products.map((p) => (
                  <li key={p.code}>
                    <span className="font-mono">{p.code}</span> {p.description}:{" "}
                    {p.none ? t("previewProductNone") : p.id ? t("previewProductFound", { id: p.id }) : t("previewProductNew")}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="overflow-x-auto">
            <table className="min-w-full text-xs">
              <caption className="text-left font-medium">{t("previewLines")}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  {(["colDescription", "colQuantity", "colPrice", "colRate", "colCode", "colAccount", "colTotal"] as const).map((k) => <th key={k} scope="col" className="px-2 py-1">{t(k)}</th>)}
                </tr>
              </thead>
              <tbody>
                {preview.lines.map((l, i) => (
                  <tr key={i} className="border-t border-slate-200">
                    <td className="px-2 py-1">{l.description}</td>
                    <td className="px-2 py-1">{l.quantity}</td>
                    <td className="px-2 py-1">{formatMoney(locale, l.unitPriceExcl, preview.currency)}</td>
                    <td className="px-2 py-1">{l.vatRate}%</td>
                    <td className="px-2 py-1 font-mono">{l.vatCode || "–"}</td>
                    <td className="px-2 py-1 font-mono">{l.ledgerAccount ?? "–"}</td>
                    <td className="px-2 py-1">{formatMoney(locale, l.totalIncl, preview.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t("previewTotals", { excl: formatMoney(locale, preview.totals.excl, preview.currency), vat: formatMoney(locale, preview.totals.vat, preview.currency), incl: formatMoney(locale, preview.totals.incl, preview.currency) })}</p>
          {preview.requestAfterDebtor && <p className="text-xs text-slate-600">{t("previewRequestAfterDebtor")}</p>}
          {preview.request && (
            <div>
              <h4 className="font-medium">{t("previewRequest")}</h4>
              <p className="text-xs text-slate-600">{t("previewRequestNote")}</p>
              <RequestBlock request={preview.request} label={t("previewRequest")} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
