import Link from "next/link";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/locale";
import { opsMessages } from "@/lib/i18n/messages/ops";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { searchMerchants } from "@/lib/support/merchants";
import { requireOperatorRole } from "../access";

/** Find a merchant by email, company or license key (operators only, in every mode). */
export default async function MerchantsPage({ searchParams }: { searchParams: Promise<{ q?: string; error?: string }> }) {
  await requireOperatorRole();
  const { q = "", error } = await searchParams;
  const query = q.slice(0, 200);
  const locale = await requestLocale();
  const t = translator(opsMessages, locale);
  const merchants = await searchMerchants(db(), query);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("merchantsTitle")}</h1>
      {error === "not-found" && <p role="alert" className="mt-2 text-sm text-red-700">{t("errorNotFound")}</p>}
      <form className="mt-4 flex flex-wrap items-end gap-2 text-sm" role="search">
        <label className="flex flex-col gap-1">
          <span>{t("searchLabel")}</span>
          <input type="search" name="q" defaultValue={query} className="w-80 max-w-full rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700">{t("searchButton")}</button>
      </form>
      {merchants.length === 0 ? (
        <p className="mt-6 text-slate-600">{query ? t("merchantsEmpty", { query }) : t("merchantsNone")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm" aria-label={t("merchantsTable")}>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-500">
              <tr>
                <th className="px-4 py-2">{t("colCompany")}</th>
                <th className="px-4 py-2">{t("colLogins")}</th>
                <th className="px-4 py-2">{t("colLicenseKeys")}</th>
                <th className="px-4 py-2 text-right">{t("colOpenTickets")}</th>
                <th className="px-4 py-2">{t("colSince")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {merchants.map((m) => (
                <tr key={m.id} className="align-top" data-testid="merchant-row">
                  <td className="px-4 py-2"><Link href={`/ops/merchants/${m.id}`} className="text-blue-700 hover:underline">{m.name}</Link></td>
                  <td className="px-4 py-2">{m.users.map((u) => u.email).join(", ")}</td>
                  <td className="px-4 py-2 font-mono text-xs">{m.integrations.map((i) => <div key={i.licenseKey}>{i.licenseKey} <span className="text-slate-500">({i.status})</span></div>)}</td>
                  <td className="px-4 py-2 text-right">{m._count.tickets}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{formatDate(locale, m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
