import Link from "next/link";
import { subscriptions } from "@/lib/billing/profile";
import { db } from "@/lib/db/client";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { statusLabel } from "../profile/subscription-text";

/**
 * The login's other license keys, under the key in the integration header: a disclosure menu of
 * links (keyboard and screen-reader friendly, no script needed). Shown only when there are others.
 */
export async function LicenseSwitcher({ accountId, current }: { accountId: string; current: string }) {
  const keys = (await subscriptions(db(), accountId)).filter((k) => k.id !== current);
  if (keys.length === 0) return null;
  const t = translator(billingMessages, await requestLocale());
  return (
    <details className="relative mt-1 inline-block text-sm">
      <summary className="cursor-pointer list-none rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50">{t("switcherLabel")} ▾</summary>
      <ul aria-label={t("switcherLabel")} className="absolute z-10 mt-1 w-80 max-w-[90vw] rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {keys.map((k) => (
          <li key={k.id}>
            <Link href={`/dashboard/${k.id}/report`} className="block px-3 py-2 hover:bg-slate-50">
              <span className="font-mono text-xs">{k.licenseKey}</span>
              <span className="block text-xs text-slate-600">{k.name} · {statusLabel(t, k.status)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
