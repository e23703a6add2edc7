import { labelOf } from "@/lib/i18n/messages/common";
import type { Locale } from "@/lib/i18n/locale";

const colours: Record<string, string> = { ok: "bg-green-500", error: "bg-red-500", unknown: "bg-slate-300" };

/**
 * The wizard's and dashboard's connection light: green = works, red = broken, grey = not checked.
 * The state is also in words (title and for screen readers), not in the colour only.
 */
export function StatusDot({ status, label, locale = "en" }: { status: string; label: string; locale?: Locale }) {
  const state = labelOf(locale, "connection", colours[status] ? status : "unknown");
  return (
    <span className="inline-flex items-center gap-1.5" title={`${label}: ${state}`}>
      <span className={`h-2.5 w-2.5 shrink-0 rounded-full ${colours[status] ?? colours.unknown}`} aria-hidden />
      {label}
      <span className="sr-only">: {state}</span>
    </span>
  );
}
