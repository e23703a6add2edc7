"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { systemNames } from "@/connectors/types";
import type { TrialFormState } from "@/components/trial-form";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { appStoreMessages } from "@/lib/i18n/messages/signup-app-store";
import { signupMessages } from "@/lib/i18n/messages/signup";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import type { AppStoreSystem } from "@/lib/install/app-secrets";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { startAppStoreTrial } from "@/lib/signup/app-store-trial";
import { clientIp } from "@/lib/signup/client-ip";
import { formValues } from "@/lib/signup/signup-input";

/**
 * "New customer? Start your trial" on the App Store page: account, integration and shop in one
 * go, then on to the wizard's connections, the shop already connected. The ticket is bound here.
 */
export async function startTrialFromAppStore(claimToken: string, system: AppStoreSystem, _state: TrialFormState, form: FormData): Promise<TrialFormState> {
  const locale = await requestLocale();
  const t = translator(appStoreMessages, locale);
  const fields = translator(signupMessages, locale);
  const values = formValues(form);
  const shop = systemNames[system];
  const result = await startAppStoreTrial(db(), claimToken, values, { ip: clientIp(await headers()) });
  switch (result.status) {
    case "started":
      return redirect(wizardUrl(result.licenseKey, "#connections", result.problem ?? t("connected", { shop: systemNames[result.system] })));
    case "invalid":
      return { values, errors: Object.fromEntries(Object.entries(result.errors).map(([f, key]) => [f, fields(key)])), formError: fields("fixFields") };
    case "existing-account":
      return { values, errors: {}, formError: t("existingAccount", { email: result.email }) };
    case "throttled": {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
      return { values, errors: {}, formError: t("throttled", { minutes, support: env().SUPPORT_EMAIL }) };
    }
    case "expired":
      return { values, errors: {}, formError: t("expiredForm", { shop }) };
  }
}
