import Link from "next/link";
import type { ListedDocument } from "@/lib/dashboard/document-pages";
import type { DocumentTab } from "@/lib/dashboard/integrations";
import { formatDate, formatMoney, type Locale } from "@/lib/i18n/locale";
import { labelOf } from "@/lib/i18n/messages/common";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { errorHeadline } from "@/lib/i18n/messages/error-headlines";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { translator } from "@/lib/i18n/translate";
import { focusRing, tableScroll } from "@/components/ui-classes";
import { DocumentActions } from "../document-actions";
import { SelectAllOnPage } from "./selection";

/**
 * One page of the Report, Errors or Open list. `selectForm`: the id of the form the row checkboxes
 * belong to (Errors and Open: "Process selected"); the form itself sits outside the table, as a
 * row's Report problem dialog has a form of its own.
 */
export function DocumentTable({ integrationId, tab, rows, locale, selectForm }: {
  integrationId: string; tab: DocumentTab; rows: ListedDocument[]; locale: Locale; selectForm?: string;
}) {
  const t = translator(dashboardMessages, locale);
  const l = translator(listsMessages, locale);
  return (
    <div className={tableScroll}>
      <table className="w-full min-w-[44rem] text-left text-sm" aria-label={t(`table.${tab}`)}>
        <thead className="text-slate-500">
          <tr>
            {selectForm && <th className="w-8 py-2 pr-2"><SelectAllOnPage form={selectForm} label={l("selectAll")} /></th>}
            <th className="py-2 pr-4">{tab === "report" ? t("bookedAt") : t("received")}</th>
            <th className="pr-4">{t("document")}</th>
            <th className="pr-4">{t("customer")}</th>
            <th className="text-right">{t("total")}</th>
            <th className="pl-4">{tab === "report" ? t("bookedAs") : tab === "errors" ? t("reason") : t("waitingFor")}</th>
            <th><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((d) => {
            const name = `${labelOf(locale, "kind", d.kind)} ${d.sourceNumber ?? d.sourceId}`;
            const headline = tab === "errors" ? errorHeadline(locale, d.errorCode) : undefined;
            const when = tab === "report" ? d.bookedAt : d.receivedAt;
            return (
              <tr key={d.id} data-testid="document-row" className="align-top">
                {selectForm && (
                  <td className="py-2 pr-2">
                    <input type="checkbox" form={selectForm} name="documentId" value={d.id} aria-label={l("selectDocument", { name })} className={`size-4 ${focusRing}`} />
                  </td>
                )}
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
  );
}
