import Decimal from "decimal.js";
import { accountOwner } from "../billing/account-owner";
import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendMail } from "../email/send-mail";
import type { Locale } from "../i18n/locale";
import { alertMessages } from "../i18n/messages/alerts";
import { errorHeadline } from "../i18n/messages/error-headlines";
import { translator, type Translate } from "../i18n/translate";
import type { ErrorCause } from "../pipeline/error-cause";

export type AlertKind = "alert.new-cause" | "alert.digest" | "alert.reconnect" | "alert.weekly";
export type AlertTranslate = Translate<keyof typeof alertMessages.en>;
export type IntegrationRef = { id: string; name: string; licenseKey: string };

const appUrl = () => env().APP_URL.replace(/\/+$/, "");

/** Where the merchant acts on an alert. */
export const links = (integration: Pick<IntegrationRef, "id" | "licenseKey">) => {
  const dashboard = `${appUrl()}/dashboard/${encodeURIComponent(integration.id)}`;
  return {
    errorsUrl: `${dashboard}/errors`,
    paymentsUrl: `${dashboard}/payments`,
    configurationUrl: `${dashboard}/configuration`,
    reportUrl: `${dashboard}/report`,
    // Credentials are changed in the installation wizard's connections step.
    wizardUrl: `${appUrl()}/install/${encodeURIComponent(integration.licenseKey)}#connections`,
    profileUrl: `${appUrl()}/dashboard/profile`,
  };
};

/** Codes the merchant fixes with a setting (VAT grid, accounts, layout), not in the shop or by retrying. */
export const FIXED_IN_CONFIGURATION = new Set([
  "vat_rate_unmapped", "vat_code_unknown", "vat_code_mismatch", "ledger_not_found", "template_not_found", "company_not_found",
  "payment_account_missing", "config_invalid", "invalid_settings", "product_not_in_eboekhouden",
]);

/** A cause in plain words: its headline, with what makes it specific ("19% in Germany"). */
export function describeCause(t: AlertTranslate, locale: Locale, cause: ErrorCause, fallback?: string | null): string {
  const headline = errorHeadline(locale, cause.code) ?? fallback ?? cause.code;
  if (cause.code === "vat_rate_unmapped" && cause.params.rate !== undefined) {
    return `${headline}: ${t("vatRateCause", { rate: rateText(locale, cause.params.rate), region: regionName(locale, cause.params.region) })}`;
  }
  return headline;
}

function rateText(locale: Locale, rate: string): string {
  let text = rate;
  try {
    text = new Decimal(rate).toFixed();
  } catch { /* not a number: shown as stored */ }
  return locale === "nl" ? text.replace(".", ",") : text;
}

const specialRegions: Record<string, Record<Locale, string>> = {
  ICP: { en: "intra-community (ICP) sales", nl: "intracommunautaire (ICP) verkopen" },
  INTL: { en: "sales outside the EU", nl: "verkopen buiten de EU" },
};

function regionName(locale: Locale, region: string | undefined): string {
  if (!region) return "?";
  if (specialRegions[region]) return specialRegions[region][locale];
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(region) ?? region;
  } catch {
    return region;
  }
}

/**
 * One alert mail to the account's owner (sendMail copies the notification address), in the
 * account's language, with the greeting, the footer saying how to switch it off, and the sign-off.
 */
export async function sendAlertMail(db: Db, accountId: string, kind: AlertKind, compose: (t: AlertTranslate, locale: Locale) => { subject: string; body: string }) {
  const owner = await accountOwner(db, accountId);
  if (!owner) return null; // nobody to write to
  const t = translator(alertMessages, owner.locale);
  const { subject, body } = compose(t, owner.locale);
  const text = `${t("greeting", { owner: owner.name })}\n\n${body}\n\n${t("footer", { profileUrl: links({ id: "", licenseKey: "" }).profileUrl })}\n\n${t("signoff")}`;
  return sendMail(db, { kind, locale: owner.locale, to: owner.email, accountId, subject, text });
}

export const integrationLine = (t: AlertTranslate, i: IntegrationRef) => t("integrationLine", { name: i.name, licenseKey: i.licenseKey });
