"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The language switcher that comes back to the page it is on, with its query (a period searched
 * for) but without a one-time notice or error, which was written in the old language.
 */
export function HereLanguageSwitcher({ locale }: { locale: Locale }) {
  const pathname = usePathname();
  const query = new URLSearchParams(useSearchParams());
  query.delete("notice");
  query.delete("error");
  const search = query.toString();
  return <LanguageSwitcher locale={locale} back={`${pathname}${search ? `?${search}` : ""}`} />;
}
