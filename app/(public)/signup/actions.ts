"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { signupMessages } from "@/lib/i18n/messages/signup";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { clientIp } from "@/lib/signup/client-ip";
import { signUp } from "@/lib/signup/sign-up";
import { formValues } from "@/lib/signup/signup-input";
import type { TrialFormState } from "@/components/trial-form";

/** The sign-up form's submit: the service decides; the form gets back its values and translated errors. */
export async function signUpAction(_state: TrialFormState, form: FormData): Promise<TrialFormState> {
  const t = translator(signupMessages, await visitorLocale());
  const values = formValues(form);
  const result = await signUp(db(), values, { ip: clientIp(await headers()) });
  if (result.status === "created") redirect(`/signup/sent?to=${encodeURIComponent(result.email)}`);
  if (result.status === "invalid") {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key)]));
    return { values, errors, formError: t("fixFields") };
  }
  if (result.status === "throttled") {
    const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
    return { values, errors: {}, formError: t("throttled", { minutes, support: env().SUPPORT_EMAIL }) };
  }
  // Only App Store sign-ups refuse an existing login; this form reuses it.
  return { values, errors: {}, formError: t("failed") };
}
