"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { money } from "@/lib/domain/money";
import { integrationForInstall } from "@/lib/install/install-access";
import { completeInstall } from "@/lib/install/complete-install";
import { refreshCatalog } from "@/lib/install/refresh-catalog";
import { mergeSetting, setSetting, settingsMap } from "@/lib/integrations/settings";
import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { paymentsAccountMissing } from "@/lib/integrations/configuration-rules";
import { connectWithForm, credentialFormOf } from "@/lib/install/connect-with-form";
import { publicValues, readCredentialValues } from "@/lib/install/credential-values";
import { chosenStatuses, ORDER_STATES_SETTING, refreshOrderStates } from "@/lib/install/order-states";
import type { OrderStateChoice } from "@/connectors/prestashop/setup";
import { localizeKnown } from "@/lib/i18n/match-message";
import { installAnswers, wizardNotices } from "@/lib/i18n/messages/wizard-notices";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import type { CredentialFormState } from "./credential-form";

/** What the actions tell the merchant, in the merchant's language (the signed-in account's, else the visitor's). */
const notices = async () => translator(wizardNotices, await requestLocale());

/**
 * Every wizard action re-checks access: the license key while installing, the owner afterwards.
 * Anyone else gets a 404, as for a key that does not exist.
 */
async function access(licenseKey: string) {
  const integration = await integrationForInstall(db(), licenseKey, await currentAccount());
  if (!integration) notFound();
  return integration;
}

/** Back to the wizard, re-rendered (a redirect to the same page with only a new #anchor would not refresh it). */
const back = (licenseKey: string, anchor = "", notice?: string) => {
  revalidatePath(`/install/${encodeURIComponent(licenseKey)}`);
  return redirect(`/install/${encodeURIComponent(licenseKey)}${notice ? `?notice=${encodeURIComponent(notice)}` : ""}${anchor}`);
};

export async function acceptTerms(licenseKey: string) {
  const integration = await access(licenseKey);
  await db().integration.update({ where: { id: integration.id }, data: { termsAcceptedAt: new Date() } });
  back(licenseKey, "#accounting");
}

/**
 * The credential form of either side (API keys, tokens, a shop's keys): on failure the system's
 * message and the values typed, secrets left out; on success back to the wizard's next step.
 */
export async function connectWithCredentials(licenseKey: string, side: "source" | "target", _previous: CredentialFormState, form: FormData): Promise<CredentialFormState> {
  const integration = await access(licenseKey);
  const t = await notices();
  if (side !== "source" && side !== "target") return { error: t("unknownConnection"), values: {} };
  if (!integration.termsAcceptedAt) return { error: t("acceptTermsFirst"), values: {} };
  const fields = credentialFormOf(side, side === "source" ? integration.sourceSystem : integration.targetSystem)?.fields ?? [];
  const values = readCredentialValues(fields, form);
  const result = await connectWithForm(integration.id, side, values);
  if (!result.ok) return { error: localizeKnown(installAnswers, result.error, await requestLocale()), values: publicValues(fields, values) };
  return back(licenseKey, side === "source" ? "#connections" : "#administration", result.notice);
}

/** PrestaShop: the order statuses whose orders are booked (the source setting `statuses`). */
export async function chooseOrderStatuses(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const states = (integration.settings.find((s) => s.key === ORDER_STATES_SETTING)?.value ?? []) as OrderStateChoice[];
  const chosen = chosenStatuses(states, form.getAll("status").map(String));
  if ("error" in chosen) return back(licenseKey, "#statuses", chosen.error);
  await mergeSetting(db(), integration.id, "source", { statuses: chosen });
  back(licenseKey, "#statuses", (await notices())("statusesSaved"));
}

export async function reloadOrderStates(licenseKey: string) {
  const integration = await access(licenseKey);
  back(licenseKey, "#statuses", (await refreshOrderStates(integration.id)) ?? (await notices())("statusesRead"));
}

export async function chooseAdministration(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const companyId = String(form.get("administration") ?? "");
  if (!companyId) back(licenseKey, "#administration", (await notices())("chooseAdministration"));
  await mergeSetting(db(), integration.id, "target", { companyId });
  const notice = await refreshCatalog(integration.id);
  back(licenseKey, "#layout", notice);
}

export async function refreshAdministrationData(licenseKey: string) {
  const integration = await access(licenseKey);
  back(licenseKey, "#administration", await refreshCatalog(integration.id));
}

export async function chooseLayout(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  await mergeSetting(db(), integration.id, "target", {
    templateId: String(form.get("template") ?? "") || undefined,
    descriptionSource: form.get("descriptionSource") === "invoice-number" ? "invoice-number" : "order-number",
  });
  await mergeSetting(db(), integration.id, "booking", { roundingLine: form.get("roundingLine") === "on" });
  back(licenseKey, "#vat");
}

/** "Paid orders" (no credit notes) or "invoices" (debit and credit): decides which webhooks count. */
export async function chooseDocumentTrigger(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const documentTrigger = form.get("documentTrigger") === "invoices" ? "invoices" : "paid-orders";
  await mergeSetting(db(), integration.id, "source", { documentTrigger });
  // An installed integration re-registers its webhooks for the new choice at once.
  const problem = integration.status === "active" ? await completeInstall(integration.id) : null;
  back(licenseKey, "#processing", problem ?? (await notices())("processingSaved"));
}

/** A value a wizard list offers (a country, a code, an account number): short printable text. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const isListValue = (value: string) => value.length <= 100 && !/[\u0000-\u001f\u007f]/.test(value);

export async function saveVatGrid(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const t = await notices();
  const rows: { region: string; rate: string; vatCode: string; revenueAccount: string | null }[] = [];
  for (let i = 0; form.has(`region_${i}`); i++) {
    const vatCode = String(form.get(`vat_${i}`) ?? "");
    if (!vatCode) continue; // only the countries the merchant sells to are configured
    const rateText = String(form.get(`rate_${i}`) ?? "");
    let rate: string;
    try {
      const parsed = money(rateText, "VAT rate");
      // A percentage as the column holds it (0–100, cents): 1e30 or -21 would overflow it or mean nothing.
      if (parsed.isNegative() || parsed.gt(100) || parsed.decimalPlaces() > 2) throw new Error("not a percentage");
      rate = parsed.toFixed();
    } catch { back(licenseKey, "#vat", t("notAPercentage", { value: rateText.slice(0, 40) })); return; }
    const region = String(form.get(`region_${i}`));
    const revenueAccount = String(form.get(`account_${i}`) ?? "") || null;
    // The grid's texts come from lists (countries, the target's VAT codes and accounts): never megabytes or control characters.
    if (![region, vatCode, revenueAccount ?? ""].every(isListValue)) { back(licenseKey, "#vat", t("notAGridValue", { row: i + 1 })); return; }
    rows.push({ region, rate, vatCode, revenueAccount });
  }
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.region}:${r.rate}`;
    if (seen.has(key)) back(licenseKey, "#vat", t("appearsTwice", { region: r.region, rate: r.rate }));
    seen.add(key);
  }
  await db().$transaction([
    db().vatMapping.deleteMany({ where: { integrationId: integration.id } }),
    db().vatMapping.createMany({ data: rows.map((r) => ({ integrationId: integration.id, ...r })) }),
  ]);
  await mergeSetting(db(), integration.id, "costAccounts", {
    shipping: String(form.get("shippingAccount") ?? "") || undefined,
    paymentCosts: String(form.get("paymentCostsAccount") ?? "") || undefined,
  });
  back(licenseKey, "#payment-methods", t("vatSaved", { count: rows.length }));
}

export async function removeVatGrid(licenseKey: string) {
  const integration = await access(licenseKey);
  await db().vatMapping.deleteMany({ where: { integrationId: integration.id } });
  back(licenseKey, "#vat", (await notices())("vatRemoved"));
}

export async function addPaymentMethod(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const method = String(form.get("method") ?? "").trim();
  const fixedDebtor = String(form.get("fixedDebtor") ?? "").trim() || null;
  if (!method) back(licenseKey, "#payment-methods", (await notices())("enterPaymentMethod"));
  await db().paymentMethodMapping.upsert({
    where: { integrationId_method: { integrationId: integration.id, method } },
    create: { integrationId: integration.id, method, classification: "default", fixedDebtor },
    update: { fixedDebtor },
  });
  back(licenseKey, "#payment-methods");
}

/** Payments on or off, and the clearing account every method books on unless one of its own is set. */
export async function savePayments(licenseKey: string, form: FormData) {
  const integration = await access(licenseKey);
  const settings = settingsMap(await db().integrationSetting.findMany({ where: { integrationId: integration.id } }));
  const current = paymentsSettingOf(settings.payments);
  const account = String(form.get("account") ?? "").trim();
  const enabled = form.get("enabled") === "on";
  const t = await notices();
  const accounts = { ...current.accounts, ...(account ? { default: account } : {}) };
  // The same rule as the Configuration tab (lib/integrations/configuration-rules.ts).
  if (paymentsAccountMissing(integration.targetSystem, { enabled, accounts }, (settings.target ?? {}) as Record<string, unknown>)) back(licenseKey, "#payments", t("chooseClearingAccount"));
  await setSetting(db(), integration.id, "payments", { enabled, accounts });
  back(licenseKey, "#payments", enabled ? t("paymentsOn") : t("paymentsOff"));
}

export async function removePaymentMethod(licenseKey: string, id: string) {
  const integration = await access(licenseKey);
  await db().paymentMethodMapping.deleteMany({ where: { id, integrationId: integration.id } });
  back(licenseKey, "#payment-methods");
}

export async function finishInstall(licenseKey: string) {
  const integration = await access(licenseKey);
  const problem = await completeInstall(integration.id);
  if (problem) back(licenseKey, "#finish", problem);
  const account = await currentAccount();
  redirect(account?.accountId === integration.accountId ? `/dashboard/${integration.id}/report` : `/login?installed=${encodeURIComponent(licenseKey)}`);
}
