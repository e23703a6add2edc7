import Link from "next/link";
import { causeFix, causeHeadline } from "@/lib/dashboard/cause-view";
import { documentPage } from "@/lib/dashboard/document-pages";
import { errorGroups } from "@/lib/dashboard/error-groups";
import type { Period } from "@/lib/dashboard/integrations";
import type { PageRequest } from "@/lib/dashboard/keyset";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { translator } from "@/lib/i18n/translate";
import { focusRing } from "@/components/ui-classes";
import { DocumentTable } from "../lists/document-table";
import { Pager } from "../lists/pager";
import { ListStatus } from "../lists/list-status";
import { ProcessSelected } from "../lists/selection";
import { RetryGroupButton } from "./retry-group-button";

const linkClass = `rounded text-sm font-medium text-blue-700 underline hover:text-blue-600 ${focusRing}`;

/**
 * The Errors tab: one line per cause ("37 documents: Germany 19% has no VAT code") with the
 * setting that fixes it and "Retry all in this group"; a group opened (?group=<key>) shows its
 * documents a page at a time, otherwise all errors are listed below the groups.
 */
export async function ErrorsTab({ accountId, integrationId, locale, period, periodQuery, openGroup, page }: {
  accountId: string; integrationId: string; locale: Locale; period: Period; periodQuery: Record<string, string>;
  openGroup?: string; page: PageRequest;
}) {
  const t = translator(listsMessages, locale);
  const path = `/dashboard/${integrationId}/errors`;
  const groups = await errorGroups(db(), accountId, integrationId, period);
  const open = groups.find((g) => g.key === openGroup);
  const list = await documentPage(db(), accountId, integrationId, { tab: "errors", period, cause: open?.cause }, page);
  const form = `select-errors`;
  const selectionLabels = { button: t("processSelected"), buttonCount: t("processSelectedCount"), nothingSelected: t("bulkNothingSelected"), failed: t("bulkFailed") };
  const documents = (
    <div className="mt-3 space-y-2">
      <DocumentTable integrationId={integrationId} tab="errors" rows={list.rows} locale={locale} selectForm={form} />
      <Pager page={list} path={path} keep={{ ...periodQuery, ...(open ? { group: open.key } : {}) }} locale={locale} />
    </div>
  );
  const href = (query: Record<string, string>) => `${path}${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ""}`;

  // The bar and the status line stay put while groups come and go (a retried group disappears).
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <ProcessSelected form={form} integrationId={integrationId} labels={selectionLabels} />
        <ListStatus />
      </div>
      <section aria-labelledby="error-groups-title" className="space-y-3">
        <div>
          <h2 id="error-groups-title" className="text-lg font-semibold">{t("groupsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("groupsIntro")}</p>
        </div>
        <ul className="space-y-3">
          {groups.map((group) => {
            const headline = causeHeadline(locale, group.cause);
            const line = group.count === 1 ? t("groupLineOne", { headline }) : t("groupLine", { count: group.count, headline });
            const fix = causeFix(integrationId, group.cause, group.firstDocumentId);
            const expanded = open?.key === group.key;
            return (
              <li key={group.key} data-testid="error-group" className={`rounded-lg border bg-white p-4 ${expanded ? "border-slate-400" : "border-slate-200"}`}>
                <p className="font-medium text-red-800">{line}</p>
                <p className="font-mono text-xs text-slate-500">{group.cause.code}</p>
                <div className="mt-2 flex flex-wrap items-center gap-4">
                  <Link href={fix.href} className={linkClass}>{t(fix.label)}</Link>
                  <Link href={expanded ? href(periodQuery) : href({ ...periodQuery, group: group.key })} aria-expanded={expanded} className={linkClass}>
                    {expanded ? t("hideDocuments") : t("showDocuments")}
                  </Link>
                  <RetryGroupButton integrationId={integrationId} groupKey={group.key} period={periodQuery} labels={{ button: t("retryGroup"), failed: t("retryFailed") }} />
                </div>
                {expanded && (
                  <section aria-label={t("groupDocuments")} className="mt-2">{documents}</section>
                )}
              </li>
            );
          })}
        </ul>
        {openGroup && !open && <p className="text-sm text-slate-600">{t("groupGone")}</p>}
      </section>
      {!open && (
        <section aria-labelledby="all-errors-title" className="mt-8">
          <h2 id="all-errors-title" className="text-lg font-semibold">{t("allErrors")}</h2>
          {documents}
        </section>
      )}
    </>
  );
}
