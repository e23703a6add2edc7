import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import type { Locale } from "@/lib/i18n/locale";
import { landingMessages } from "@/lib/i18n/messages/signup-landing";
import { translator } from "@/lib/i18n/translate";

/** The header of the public pages: name, integrations, log in, and the language switcher (back to `back`). */
export function PublicHeader({ locale, back }: { locale: Locale; back: string }) {
  const t = translator(landingMessages, locale);
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <Link href="/" className="text-lg font-semibold">{t("brand")}</Link>
      <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-3 text-sm">
        <Link href="/integrations" className="text-slate-700 hover:underline">{t("navIntegrations")}</Link>
        <Link href="/login" className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">{t("navLogin")}</Link>
        <LanguageSwitcher locale={locale} back={back} />
      </nav>
    </header>
  );
}

/** The footer of the public pages. */
export function PublicFooter({ locale }: { locale: Locale }) {
  const t = translator(landingMessages, locale);
  return (
    <footer className="mt-16 border-t border-slate-200 pt-4 text-sm text-slate-600">
      <Link href="/terms" className="hover:underline">{t("footerTerms")}</Link>
    </footer>
  );
}
