"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { localizeKnown } from "@/lib/i18n/match-message";
import { loginAnswers, loginMessages } from "@/lib/i18n/messages/login";
import { translator } from "@/lib/i18n/translate";
import { focusRing } from "./ui-classes";

/**
 * Email + password login. On the login page it goes on to the dashboard; on an install page
 * (`stay`, often a popup a shop's handshake opened) it re-renders that page signed in instead.
 */
export function LoginForm({ stay = false, locale = "en" }: { stay?: boolean; locale?: Locale }) {
  const router = useRouter();
  const t = translator(loginMessages, locale);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page is interactive a submit would be a plain form post: the button waits for it.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      if (!stay) router.push("/dashboard");
      router.refresh();
    } else {
      // The sign-in answers in English (lib/auth/options.ts); known answers are shown in the reader's language.
      setError(result?.error && result.error !== "CredentialsSignin" ? localizeKnown(loginAnswers, result.error, locale) : t("failed"));
    }
  }

  const input = `mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 ${focusRing}`;
  return (
    <form method="post" onSubmit={onSubmit} className={stay ? "space-y-3" : "mt-6 space-y-4"}>
      <label className="block">
        <span className="text-sm font-medium">{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required className={input} />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className={input} />
      </label>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={!ready || pending}
        className={`w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50 ${focusRing}`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
