import Decimal from "decimal.js";
import type { Locale } from "../i18n/locale";
import { errorHeadline } from "../i18n/messages/error-headlines";
import { listsMessages } from "../i18n/messages/lists";
import { translator } from "../i18n/translate";
import type { ErrorCause } from "../pipeline/error-cause";
import { countryName } from "../signup/countries";

/**
 * How an error cause reads on the Errors tab: a headline in plain words, and the place where the
 * setting that fixes it lives.
 */

function regionName(locale: Locale, region: string): string {
  const t = translator(listsMessages, locale);
  if (region === "ICP") return t("region.ICP");
  if (region === "INTL") return t("region.INTL");
  return /^[A-Z]{2}$/.test(region) ? countryName(locale, region) : region;
}

function rateText(locale: Locale, rate: string): string {
  try {
    const text = new Decimal(rate).toFixed();
    return locale === "nl" ? text.replace(".", ",") : text;
  } catch {
    return rate;
  }
}

/** "Germany 19% has no VAT code", or the code's own headline, or the code itself. */
export function causeHeadline(locale: Locale, cause: ErrorCause): string {
  const t = translator(listsMessages, locale);
  if (cause.code === "vat_rate_unmapped") {
    const { region, rate } = cause.params;
    return region && rate ? t("cause.vatRateUnmapped", { region: regionName(locale, region), rate: rateText(locale, rate) }) : t("cause.vatRateUnmappedAny");
  }
  if (!cause.code) return t("cause.unknown");
  return errorHeadline(locale, cause.code) ?? cause.code;
}

export type CauseFix = { href: string; label: "fix.vat" | "fix.connection" | "fix.booking" | "fix.payments" | "fix.documents" | "fix.moreInfo" };

// Which part of the Configuration tab fixes a code (section ids: settings-<group>, configuration-tab.tsx).
const vatCodes = new Set(["vat_rate_unmapped", "vat_code_unknown", "vat_code_mismatch", "vat_rate_unknown"]);
const connectionCodes = new Set([
  "unauthorized", "invalid_credentials", "access_denied", "permission_missing", "insufficient_scope", "oauth_revoked",
  "not_connected", "webservice_disabled", "api_not_found", "token_expired", "company_not_found",
]);
const bookingCodes = new Set(["ledger_not_found", "template_not_found", "config_invalid", "invalid_settings", "product_not_in_eboekhouden"]);
const paymentCodes = new Set(["payment_account_missing"]);

/** The link next to a group: the setting that fixes its cause, else the first document's More info. */
export function causeFix(integrationId: string, cause: ErrorCause, firstDocumentId: string): CauseFix {
  const configuration = `/dashboard/${integrationId}/configuration`;
  if (vatCodes.has(cause.code)) return { href: `${configuration}#settings-vat`, label: "fix.vat" };
  // The Connections section heads the Configuration tab; Edit configuration there renews credentials.
  if (connectionCodes.has(cause.code)) return { href: configuration, label: "fix.connection" };
  if (bookingCodes.has(cause.code)) return { href: `${configuration}#settings-booking`, label: "fix.booking" };
  if (paymentCodes.has(cause.code)) return { href: `${configuration}#settings-payments`, label: "fix.payments" };
  return { href: `/dashboard/${integrationId}/documents/${firstDocumentId}`, label: "fix.moreInfo" };
}
