import type { ShopChange } from "@/lib/changes/compare-booked";
import { formatDateTime, type Locale } from "@/lib/i18n/locale";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { translator } from "@/lib/i18n/translate";

/** "Changed in the shop after booking": each difference between the booking and the shop's document now. */
export function ChangesSection({ changes, at, autoRebook, locale }: { changes: ShopChange[]; at: Date | null; autoRebook: boolean; locale: Locale }) {
  const t = translator(documentPageMessages, locale);
  return (
    <section aria-labelledby="changes-heading" data-testid="shop-changes" className="space-y-2 rounded-md border border-orange-300 bg-orange-50 p-3 text-sm">
      <h3 id="changes-heading" className="font-semibold text-orange-900">{t("changesHeading")}</h3>
      <p>{t("changesIntro")}{at ? ` (${formatDateTime(locale, at)})` : ""}</p>
      <table className="text-xs">
        <thead>
          <tr className="text-left"><th scope="col" className="pr-4">{t("colField")}</th><th scope="col" className="pr-4">{t("colBooked")}</th><th scope="col">{t("colShop")}</th></tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-orange-200"><td className="pr-4">{c.field}</td><td className="pr-4 font-mono">{c.booked}</td><td className="font-mono">{c.shop}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs">{autoRebook ? t("changesAuto") : t("changesManual")}</p>
    </section>
  );
}
