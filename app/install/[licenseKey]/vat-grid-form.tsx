import type { TargetCatalog } from "@/connectors/setup-types";
import { focusRing } from "@/components/ui-classes";
import type { Locale } from "@/lib/i18n/locale";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { translator, type Translate } from "@/lib/i18n/translate";
import type { GridRow } from "@/lib/install/vat-grid-rows";
import * as act from "./actions";

const select = `max-w-full rounded border border-slate-300 px-2 py-1 text-sm ${focusRing}`;

function AccountOptions({ accounts }: { accounts: TargetCatalog["accounts"] }) {
  // Some systems name an account with its code already (e-Boekhouden: "8000 Omzet hoog").
  return accounts.map((a) => <option key={a.id} value={a.id}>{a.code && !a.name.startsWith(a.code) ? `${a.code} ` : ""}{a.name}</option>);
}

/** A grid row's country in the reader's language (the rows carry English names; ICP and International are ours). */
function regionName(row: GridRow, locale: Locale, t: Translate<keyof typeof wizardMessages.en>): string {
  if (row.region === "ICP") return t("icpRow");
  if (row.region === "INTL") return t("intlRow");
  if (locale === "en") return row.label;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(row.region) ?? row.label;
  } catch {
    return row.label;
  }
}

/**
 * The VAT grid: per country and rate a VAT code and revenue account of the accounting system, plus
 * the shipping and payment cost accounts. Systems without ledger accounts in their API (WeFact)
 * get no account columns.
 */
export function VatGridForm({ licenseKey, grid, catalog, costAccounts, saved, locale }: {
  licenseKey: string;
  grid: GridRow[];
  catalog: TargetCatalog;
  costAccounts: { shipping?: string; paymentCosts?: string };
  saved: boolean;
  locale: Locale;
}) {
  const t = translator(wizardMessages, locale);
  const withAccounts = catalog.accounts.length > 0;
  const button = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;
  return (
    <>
      <p>{t("vatGridIntro")}</p>
      <form action={act.saveVatGrid.bind(null, licenseKey)}>
        <div className="max-h-[28rem] overflow-auto rounded border border-slate-200">
          <table className="w-full text-left text-sm" aria-label={t("vatGrid")}>
            <thead className="sticky top-0 z-10 bg-slate-100">
              <tr><th className="px-2 py-1">{t("country")}</th><th className="px-1">{t("ratePercent")}</th><th className="px-1">{t("vatCode")}</th>{withAccounts && <th className="px-1">{t("revenueAccount")}</th>}</tr>
            </thead>
            <tbody>
              {grid.map((row, i) => (
                <tr key={`${row.region}:${row.rate}:${i}`} className="border-t border-slate-100">
                  <td className="px-2 py-1">{regionName(row, locale, t)}<input type="hidden" name={`region_${i}`} value={row.region} /></td>
                  <td className="px-1"><input name={`rate_${i}`} defaultValue={row.rate} aria-label={t("rateOf", { region: row.region })} className={`w-16 rounded border border-slate-300 px-1 ${focusRing}`} readOnly={row.region === "ICP" || row.region === "INTL"} /></td>
                  <td className="px-1">
                    <select name={`vat_${i}`} defaultValue={row.vatCode ?? ""} aria-label={t("vatCodeOf", { region: row.region, rate: row.rate })} className={`${select} w-40 sm:w-auto`}>
                      <option value="">{t("notUsed")}</option>
                      {catalog.vatCodes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                    </select>
                  </td>
                  {withAccounts && (
                    <td className="px-1">
                      <select name={`account_${i}`} defaultValue={row.revenueAccount ?? ""} aria-label={t("revenueAccountOf", { region: row.region, rate: row.rate })} className={`${select} w-40 sm:w-auto`}>
                        <option value="">{t("defaultAccount")}</option>
                        <AccountOptions accounts={catalog.accounts} />
                      </select>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {withAccounts && (
            <>
              <label className="min-w-0 max-w-full">{t("shippingAccount")}{" "}
                <select name="shippingAccount" aria-label={t("shippingAccount")} defaultValue={costAccounts.shipping ?? ""} className={select}>
                  <option value="">{t("sameAsRevenue")}</option>
                  <AccountOptions accounts={catalog.accounts} />
                </select>
              </label>
              <label className="min-w-0 max-w-full">{t("paymentCostsAccount")}{" "}
                <select name="paymentCostsAccount" aria-label={t("paymentCostsAccount")} defaultValue={costAccounts.paymentCosts ?? ""} className={select}>
                  <option value="">{t("sameAsRevenue")}</option>
                  <AccountOptions accounts={catalog.accounts} />
                </select>
              </label>
            </>
          )}
          <button className={`${button} bg-blue-600 text-white`}>{t("saveVat")}</button>
        </div>
      </form>
      {saved && <form action={act.removeVatGrid.bind(null, licenseKey)}><button className={`${button} bg-slate-300`}>{t("removeVat")}</button></form>}
    </>
  );
}
