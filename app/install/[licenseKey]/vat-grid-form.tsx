import type { TargetCatalog } from "@/connectors/setup-types";
import type { GridRow } from "@/lib/install/vat-grid-rows";
import * as act from "./actions";

const select = "rounded border border-slate-300 px-2 py-1 text-sm";

function AccountOptions({ accounts }: { accounts: TargetCatalog["accounts"] }) {
  // Some systems name an account with its code already (e-Boekhouden: "8000 Omzet hoog").
  return accounts.map((a) => <option key={a.id} value={a.id}>{a.code && !a.name.startsWith(a.code) ? `${a.code} ` : ""}{a.name}</option>);
}

/**
 * The VAT grid: per country and rate a VAT code and revenue account of the accounting system, plus
 * the shipping and payment cost accounts. Systems without ledger accounts in their API (WeFact)
 * get no account columns.
 */
export function VatGridForm({ licenseKey, grid, catalog, costAccounts, saved }: {
  licenseKey: string;
  grid: GridRow[];
  catalog: TargetCatalog;
  costAccounts: { shipping?: string; paymentCosts?: string };
  saved: boolean;
}) {
  const withAccounts = catalog.accounts.length > 0;
  return (
    <>
      <p>Configure only the countries you sell to, plus ICP and International if they apply. Adjust the rate in the left column if you sell with another percentage.</p>
      <form action={act.saveVatGrid.bind(null, licenseKey)}>
        <div className="max-h-[28rem] overflow-y-auto rounded border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="VAT grid">
            <thead className="sticky top-0 bg-slate-100"><tr><th className="px-2 py-1">Country</th><th>Rate %</th><th>VAT code</th>{withAccounts && <th>Revenue account</th>}</tr></thead>
            <tbody>
              {grid.map((row, i) => (
                <tr key={`${row.region}:${row.rate}:${i}`} className="border-t border-slate-100">
                  <td className="px-2 py-1">{row.label}<input type="hidden" name={`region_${i}`} value={row.region} /></td>
                  <td><input name={`rate_${i}`} defaultValue={row.rate} aria-label={`${row.region} rate`} className="w-20 rounded border border-slate-300 px-1" readOnly={row.region === "ICP" || row.region === "INTL"} /></td>
                  <td>
                    <select name={`vat_${i}`} defaultValue={row.vatCode ?? ""} aria-label={`${row.region} ${row.rate}% VAT code`} className={select}>
                      <option value="">Not used</option>
                      {catalog.vatCodes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                    </select>
                  </td>
                  {withAccounts && (
                    <td>
                      <select name={`account_${i}`} defaultValue={row.revenueAccount ?? ""} aria-label={`${row.region} ${row.rate}% revenue account`} className={select}>
                        <option value="">Default</option>
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
              <label>Shipping costs account{" "}
                <select name="shippingAccount" aria-label="Shipping costs account" defaultValue={costAccounts.shipping ?? ""} className={select}>
                  <option value="">Same as revenue</option>
                  <AccountOptions accounts={catalog.accounts} />
                </select>
              </label>
              <label>Payment costs account{" "}
                <select name="paymentCostsAccount" aria-label="Payment costs account" defaultValue={costAccounts.paymentCosts ?? ""} className={select}>
                  <option value="">Same as revenue</option>
                  <AccountOptions accounts={catalog.accounts} />
                </select>
              </label>
            </>
          )}
          <button className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white">Save VAT settings</button>
        </div>
      </form>
      {saved && <form action={act.removeVatGrid.bind(null, licenseKey)}><button className="rounded-md bg-slate-300 px-3 py-1.5 text-sm font-medium">Remove VAT settings</button></form>}
    </>
  );
}
