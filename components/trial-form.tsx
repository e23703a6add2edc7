"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { signupMessages } from "@/lib/i18n/messages/signup";
import { translator } from "@/lib/i18n/translate";

export type TrialFormState = { values: Record<string, string>; errors: Partial<Record<string, string>>; formError?: string };
type Option = { value: string; label: string };
export type CountryGroups = { first: Option[]; eu: Option[]; other: Option[] };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

/**
 * The trial form of the sign-up page and of the App Store's new-customer path: who the merchant
 * is, the webshop's country, the language, the systems, and the terms. After a failed submit it
 * shows what was typed with each field's own error (remounted per answer, since React resets a
 * form after its action).
 */
export function TrialForm({ locale, action, initial, countries, sources, fixedSource, targets, submitLabel, label, emailHelp }: {
  locale: Locale;
  action: (state: TrialFormState, form: FormData) => Promise<TrialFormState>;
  initial: Record<string, string>;
  countries: CountryGroups;
  /** Webshop systems to choose from; or one fixed webshop (App Store installs), sent as a hidden field. */
  sources?: Option[];
  fixedSource?: string;
  targets: Option[];
  submitLabel: string;
  label: string;
  /** Replaces the email field's help (the App Store path does not add to an existing login). */
  emailHelp?: string;
}) {
  const t = translator(signupMessages, locale);
  const [state, formAction, pending] = useActionState(action, { values: initial, errors: {} });
  const id = useId();
  const v = state.values;
  const field = (name: string, withHelp = false) => {
    const error = state.errors[name];
    const describedBy = [error && `${id}-${name}-error`, withHelp && `${id}-${name}-help`].filter(Boolean).join(" ");
    return { id: `${id}-${name}`, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
  };
  const error = (name: string) => state.errors[name] && <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700">{state.errors[name]}</p>;
  const help = (name: string, text: string) => <p id={`${id}-${name}-help`} className="mt-1 text-xs text-slate-600">{text}</p>;
  const labelOf = (name: string, text: string) => <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">{text}</label>;
  const [termsBefore, termsAfter = ""] = t("terms").split("{link}");

  return (
    <form key={JSON.stringify(state)} action={formAction} aria-label={label} noValidate className="space-y-4">
      {state.formError && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.formError}</p>}

      {fixedSource ? <input type="hidden" name="source" value={fixedSource} /> : (
        <div>
          {labelOf("source", t("source"))}
          <select {...field("source")} defaultValue={v.source ?? ""} className={input}>
            <option value="">{t("chooseSystem")}</option>
            {sources?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {error("source")}
        </div>
      )}
      <div>
        {labelOf("target", t("target"))}
        <select {...field("target")} defaultValue={v.target ?? ""} className={input}>
          <option value="">{t("chooseSystem")}</option>
          {targets.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        {error("target")}
      </div>
      <div>
        {labelOf("name", t("name"))}
        <input {...field("name")} defaultValue={v.name} autoComplete="name" maxLength={100} className={input} />
        {error("name")}
      </div>
      <div>
        {labelOf("company", t("company"))}
        <input {...field("company")} defaultValue={v.company} autoComplete="organization" maxLength={120} className={input} />
        {error("company")}
      </div>
      <div>
        {labelOf("email", t("email"))}
        <input {...field("email", true)} type="email" defaultValue={v.email} autoComplete="email" maxLength={254} className={input} />
        {error("email")}
        {help("email", emailHelp ?? t("emailHelp"))}
      </div>
      <div>
        {labelOf("country", t("country"))}
        <select {...field("country", true)} defaultValue={v.country ?? ""} autoComplete="country" className={input}>
          <option value="">{t("chooseCountry")}</option>
          <optgroup label={t("countriesFirst")}>{countries.first.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
          <optgroup label={t("countriesEu")}>{countries.eu.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
          <optgroup label={t("countriesOther")}>{countries.other.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
        </select>
        {error("country")}
        {help("country", t("countryHelp"))}
      </div>
      <div>
        {labelOf("locale", t("language"))}
        <select {...field("locale", true)} defaultValue={v.locale || locale} className={input}>
          <option value="nl" lang="nl">Nederlands</option>
          <option value="en" lang="en">English</option>
        </select>
        {error("locale")}
        {help("locale", t("languageHelp"))}
      </div>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input {...field("terms")} type="checkbox" defaultChecked={v.terms === "on"} className="mt-1" />
          <span>{termsBefore}<Link href="/terms" target="_blank" className="underline">{t("termsLink")}</Link>{termsAfter}</span>
        </label>
        {error("terms")}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-green-600 px-4 py-2 font-medium text-white hover:bg-green-700 disabled:opacity-50">
        {pending ? t("submitting") : submitLabel}
      </button>
    </form>
  );
}
