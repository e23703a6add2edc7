import type { OrderStateChoice } from "@/connectors/prestashop/setup";
import * as act from "./actions";

const button = "rounded-md px-3 py-1.5 text-sm font-medium";

/**
 * PrestaShop: which of the shop's own order statuses are booked ("Payment accepted" or later by
 * default); orders in other statuses wait on the Open tab and are re-checked nightly.
 */
export function OrderStatuses({ licenseKey, states, chosen }: { licenseKey: string; states: OrderStateChoice[]; chosen: string[] }) {
  return (
    <>
      <p>Orders are booked once they reach one of these statuses. Orders in another status wait on the Open tab; every night their status is checked again.</p>
      {states.length > 0 && (
        <form action={act.chooseOrderStatuses.bind(null, licenseKey)} className="space-y-2">
          <fieldset className="grid grid-cols-2 gap-1" aria-label="Statuses to process">
            {states.map((s) => (
              <label key={s.id} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={s.id} defaultChecked={chosen.includes(s.id)} /> {s.name}{s.paid && <span className="text-xs text-slate-500"> (paid)</span>}
              </label>
            ))}
          </fieldset>
          <button className={`${button} bg-slate-900 text-white`}>Save statuses</button>
        </form>
      )}
      <form action={act.reloadOrderStates.bind(null, licenseKey)}><button className={`${button} border border-slate-300`} aria-label="Read the order statuses again">⟳ Read the shop&apos;s statuses again</button></form>
    </>
  );
}
