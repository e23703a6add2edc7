import { LanguageSwitcher } from "@/components/language-switcher";
import type { Locale } from "@/lib/i18n/locale";

/**
 * The frame of the install pages a shop sends the merchant to: a title, an optional error, the
 * content, and (when the page is translated) the language switcher going back to `back`.
 */
export function InstallShell({ title, error, children, language }: {
  title: string;
  error?: string;
  children: React.ReactNode;
  language?: { locale: Locale; back: string };
}) {
  return (
    <main className="mx-auto mt-16 mb-16 max-w-lg space-y-4 px-6">
      {language && <div className="flex justify-end"><LanguageSwitcher locale={language.locale} back={language.back} /></div>}
      <h1 className="text-2xl font-semibold">{title}</h1>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <div className="space-y-4 text-sm">{children}</div>
    </main>
  );
}

/** Next's searchParams value as one string. */
export const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
