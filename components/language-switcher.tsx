import type { Locale } from "@/lib/i18n/locale";

const names: Record<Locale, string> = { nl: "Nederlands", en: "English" };

/** NL | EN: a plain form post, so it works without JavaScript and with the keyboard. */
export function LanguageSwitcher({ locale, back }: { locale: Locale; back: string }) {
  return (
    <form method="post" action="/api/locale" className="flex items-center gap-1 text-xs" aria-label="Language / Taal">
      <input type="hidden" name="back" value={back} />
      {(["nl", "en"] as const).map((l) => (
        <button key={l} name="locale" value={l} lang={l} aria-pressed={l === locale} title={names[l]}
          className={`rounded px-1.5 py-0.5 uppercase ${l === locale ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
          {l}
        </button>
      ))}
    </form>
  );
}
