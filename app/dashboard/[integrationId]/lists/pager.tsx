import Link from "next/link";
import type { Page } from "@/lib/dashboard/keyset";
import type { Locale } from "@/lib/i18n/locale";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { translator } from "@/lib/i18n/translate";
import { focusRing } from "@/components/ui-classes";

const linkClass = `rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`;

/** "50 of 1,234" with Previous / Next, keeping the list's other search parameters (period, group). */
export function Pager({ page, path, keep, locale, label }: {
  page: Page<unknown>; path: string; keep: Record<string, string>; locale: Locale; label?: string;
}) {
  const t = translator(listsMessages, locale);
  const href = (cursor: Record<string, string>) => `${path}?${new URLSearchParams({ ...keep, ...cursor }).toString()}`;
  const number = (n: number) => new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB").format(n);
  return (
    <nav aria-label={label ?? t("pagination")} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="list-total" className="text-slate-600">{t("showing", { count: number(page.rows.length), total: number(page.total) })}</span>
      {page.prev && <Link href={href({ before: page.prev })} className={linkClass}>{t("previous")}</Link>}
      {page.next && <Link href={href({ after: page.next })} className={linkClass}>{t("next")}</Link>}
    </nav>
  );
}
