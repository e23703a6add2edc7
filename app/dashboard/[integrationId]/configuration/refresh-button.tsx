"use client";

import { useActionState } from "react";
import { configurationMessages } from "@/lib/i18n/messages/configuration";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translate";
import type { RefreshState } from "./form-state";

/** The refresh arrows: read a list again from the shop or the administration (as the wizard does). */
export function RefreshButton({ label, locale, action }: { label: string; locale: Locale; action: (state: RefreshState) => Promise<RefreshState> }) {
  const t = translator(configurationMessages, locale);
  const [state, formAction, pending] = useActionState(action, { at: 0 });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <button disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">{label}</button>
      {state.done && <p role="status" className="text-sm text-green-700">{t("refreshed")}</p>}
      {state.problem && <p role="alert" className="text-sm text-red-700">{state.problem === "notFound" ? t("error.notFound") : state.problem}</p>}
    </form>
  );
}
