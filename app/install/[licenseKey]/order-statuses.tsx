import type { OrderStateChoice } from "@/connectors/prestashop/setup";
import { focusRing } from "@/components/ui-classes";
import type { Locale } from "@/lib/i18n/locale";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { translator } from "@/lib/i18n/translate";
import * as act from "./actions";

const button = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;

/**
 * PrestaShop: which of the shop's own order statuses are booked ("Payment accepted" or later by
 * default); orders in other statuses wait on the Open tab and are re-checked nightly. The status
 * names are the shop's own, in the shop's language.
 */
export function OrderStatuses({ licenseKey, states, chosen, locale }: { licenseKey: string; states: OrderStateChoice[]; chosen: string[]; locale: Locale }) {
  const t = translator(wizardMessages, locale);
  return (
    <>
      <p>{t("statusesText")}</p>
      {states.length > 0 && (
        <form action={act.chooseOrderStatuses.bind(null, licenseKey)} className="space-y-2">
          <fieldset className="grid grid-cols-1 gap-1 sm:grid-cols-2" aria-label={t("statusesToProcess")}>
            {states.map((s) => (
              <label key={s.id} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={s.id} defaultChecked={chosen.includes(s.id)} className={focusRing} /> {s.name}{s.paid && <span className="text-xs text-slate-500"> {t("paid")}</span>}
              </label>
            ))}
          </fieldset>
          <button className={`${button} bg-slate-900 text-white`}>{t("saveStatuses")}</button>
        </form>
      )}
      <form action={act.reloadOrderStates.bind(null, licenseKey)}><button className={`${button} border border-slate-300`} aria-label={t("readStatusesAgain")}>{t("readStatusesAgainButton")}</button></form>
    </>
  );
}
