import Link from "next/link";
import { focusRing } from "@/components/ui-classes";
import { db } from "@/lib/db/client";
import { labelOf } from "@/lib/i18n/messages/common";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

const SHOWN = 5;

/**
 * The badge above the tabs (it belongs to Report): how many booked documents changed in the shop
 * afterwards, with the latest ones linked to their More info. One indexed count and one short list.
 */
export async function ChangedAfterBooking({ integrationId }: { integrationId: string }) {
  const where = { integrationId, shopChangedAt: { not: null } };
  const count = await db().document.count({ where });
  if (count === 0) return null;
  const latest = await db().document.findMany({ where, orderBy: { shopChangedAt: "desc" }, take: SHOWN, select: { id: true, kind: true, sourceNumber: true, sourceId: true } });
  const locale = await requestLocale();
  const t = translator(documentPageMessages, locale);
  return (
    <section aria-label={t("changedBadgeLabel")} data-testid="changed-after-booking" className="mt-3 flex flex-wrap items-center gap-2 text-xs">
      <span className="rounded-full bg-orange-100 px-2 py-0.5 font-medium text-orange-900">{t("changedBadge", { count })}</span>
      {latest.map((d) => (
        <Link key={d.id} href={`/dashboard/${integrationId}/documents/${d.id}`} className={`rounded text-blue-700 underline ${focusRing}`}>
          {labelOf(locale, "kind", d.kind)} {d.sourceNumber ?? d.sourceId}
        </Link>
      ))}
    </section>
  );
}
