import { systemNames, type SourceSystem, type SystemId, type TargetSystem } from "@/connectors/types";
import type { OrderStateChoice } from "@/connectors/prestashop/setup";
import type { Choice, TargetCatalog } from "@/connectors/setup-types";
import { currentAccount } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { localizeKnown } from "@/lib/i18n/match-message";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { installAnswers } from "@/lib/i18n/messages/wizard-notices";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { integrationForInstall } from "@/lib/install/install-access";
import { ORDER_STATES_SETTING } from "@/lib/install/order-states";
import { usesVatGrid } from "@/lib/install/vat-grid";
import { vatGridRows } from "@/lib/install/vat-grid-rows";
import { settingsMap } from "@/lib/integrations/settings";
import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { targetSetups } from "@/connectors/registry";
import { HereLanguageSwitcher } from "@/components/here-language-switcher";
import { focusRing } from "@/components/ui-classes";
import * as act from "./actions";
import { CopyButton } from "./copy-button";
import { OrderStatuses } from "./order-statuses";
import { SourceConnection } from "./source-connection";
import { TargetConnection } from "./target-connection";
import { VatGridForm } from "./vat-grid-form";
import { LicenseKeyProblemPage } from "../license-key-problem";

export const dynamic = "force-dynamic";

const button = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;
const select = `max-w-full rounded border border-slate-300 px-2 py-1 text-sm ${focusRing}`;

function Step({ id, title, done, doneLabel, children }: { id: string; title: string; done?: boolean; doneLabel: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 className="flex items-center gap-2 font-semibold">{done && <span aria-label={doneLabel} className="text-green-600">✓</span>}{title}</h2>
      <div className="mt-3 space-y-3 text-sm">{children}</div>
    </section>
  );
}

export default async function InstallPage({ params, searchParams }: { params: Promise<{ licenseKey: string }>; searchParams: Promise<{ notice?: string }> }) {
  const licenseKey = decodeURIComponent((await params).licenseKey);
  const { notice } = await searchParams;
  const integration = await integrationForInstall(db(), licenseKey, await currentAccount());
  if (!integration) return <LicenseKeyProblemPage licenseKey={licenseKey} />;
  const locale = await requestLocale();
  const t = translator(wizardMessages, locale);

  const settings = settingsMap(integration.settings);
  const sourceSettings = (settings.source ?? {}) as { documentTrigger?: string; statuses?: string[] };
  const target = (settings.target ?? {}) as { companyId?: string; templateId?: string; descriptionSource?: string };
  const booking = (settings.booking ?? {}) as { roundingLine?: boolean };
  const administrations = (settings.administrations ?? []) as Choice[];
  const catalog = (settings.catalog ?? { vatCodes: [], accounts: [], templates: [] }) as TargetCatalog;
  const payments = paymentsSettingOf(settings.payments);
  // Where the target books payments on an account the merchant picks (not WeFact, Factuursturen).
  const paymentAccounts = targetSetups[integration.targetSystem as TargetSystem]?.paymentAccounts === true;
  const costAccounts = (settings.costAccounts ?? {}) as { shipping?: string; paymentCosts?: string };
  const orderStates = (settings[ORDER_STATES_SETTING] ?? []) as OrderStateChoice[];
  const source = integration.connections.find((c) => c.side === "source");
  const accounting = integration.connections.find((c) => c.side === "target");
  // Decrypted here only to know what is connected and to fill in non-secret fields again; secrets stay on the server.
  const credentialsOf = (c: typeof source) => (c?.credentialsEnc ? openCredentials<Record<string, unknown>>(c.credentialsEnc) : {});
  const sourceSystem = integration.sourceSystem as SourceSystem;
  const targetSystem = integration.targetSystem as TargetSystem;
  const sourceName = systemNames[sourceSystem as SystemId];
  const targetName = systemNames[targetSystem as SystemId];
  const withGrid = usesVatGrid(targetSystem);
  const grid = vatGridRows(integration.vatMappings.map((m) => ({ ...m, rate: m.rate.toFixed() })), catalog.vatCodes);
  const vatDone = withGrid ? integration.vatMappings.length > 0 : !!target.companyId;
  const terms = !!integration.termsAcceptedAt;
  const k = licenseKey;
  const done = t("done");

  return (
    <main className="mx-auto max-w-5xl space-y-5 px-4 py-8 sm:px-6 sm:py-10">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{t("title", { source: sourceName, target: targetName })}</h1>
          <p className="text-sm break-words text-slate-600">
            {t("licenseKey")} <span className="font-mono break-all">{licenseKey}</span>{integration.status === "active" && t("installed")}
            <CopyButton value={licenseKey} label={t("copyLicenseKey")} copyText={t("copy")} copiedText={t("copied")} />
          </p>
        </div>
        <HereLanguageSwitcher locale={locale} />
      </header>
      {notice && <p role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm break-words text-blue-900">{localizeKnown(installAnswers, notice, locale)}</p>}

      <Step id="terms" title={t("termsTitle")} done={terms} doneLabel={done}>
        <p>{t("termsText")}</p>
        {!terms && <form action={act.acceptTerms.bind(null, k)}><button className={`${button} bg-slate-900 text-white`}>{t("acceptTerms")}</button></form>}
      </Step>

      <Step id="connections" title={t("connectionsTitle")} done={source?.status === "ok" && accounting?.status === "ok"} doneLabel={done}>
        <SourceConnection licenseKey={k} system={sourceSystem} name={sourceName} connection={source} credentials={credentialsOf(source)} termsAccepted={terms} locale={locale} />
        <TargetConnection licenseKey={k} system={targetSystem} name={targetName} connection={accounting} credentials={credentialsOf(accounting)} termsAccepted={terms} locale={locale} />
      </Step>

      {terms && sourceSystem === "ccvshop" && (
        <Step id="processing" title={t("processingTitle")} doneLabel={done}>
          <p>{t("processingText")}</p>
          <form action={act.chooseDocumentTrigger.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <select name="documentTrigger" aria-label={t("process")} defaultValue={sourceSettings.documentTrigger ?? "paid-orders"} className={select}>
              <option value="paid-orders">{t("paidOrders")}</option>
              <option value="invoices">{t("invoices")}</option>
            </select>
            <button className={`${button} bg-slate-900 text-white`}>{t("saveProcessing")}</button>
          </form>
        </Step>
      )}

      {terms && sourceSystem === "prestashop" && source?.status === "ok" && (
        <Step id="statuses" title={t("statusesTitle")} done={!!sourceSettings.statuses?.length} doneLabel={done}>
          <OrderStatuses licenseKey={k} states={orderStates} chosen={sourceSettings.statuses ?? []} locale={locale} />
        </Step>
      )}

      {accounting?.status === "ok" && (
        <Step id="administration" title={t("administrationTitle", { target: targetName })} done={!!target.companyId} doneLabel={done}>
          <form action={act.chooseAdministration.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <label className="min-w-0 max-w-full">{t("administration")}{" "}
              <select name="administration" aria-label={t("administration")} defaultValue={target.companyId ?? ""} className={select}>
                <option value="">{t("choose")}</option>
                {administrations.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </label>
            <button className={`${button} bg-slate-900 text-white`}>{t("saveAdministration")}</button>
          </form>
          <form action={act.refreshAdministrationData.bind(null, k)}><button className={`${button} border border-slate-300`} aria-label={t("refreshAdministration")}>{t("refresh")}</button></form>
          {target.companyId && (
            <form id="layout" action={act.chooseLayout.bind(null, k)} className="flex flex-wrap items-center gap-2">
              <label className="min-w-0 max-w-full">{t("invoiceLayout")}{" "}
                <select name="template" aria-label={t("invoiceLayout")} defaultValue={target.templateId ?? ""} className={select}>
                  <option value="">{t("defaultLayout")}</option>
                  {catalog.templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
                </select>
              </label>
              <label className="min-w-0 max-w-full">{t("description")}{" "}
                <select name="descriptionSource" aria-label={t("description")} defaultValue={target.descriptionSource ?? "order-number"} className={select}>
                  <option value="order-number">{t("orderNumber")}</option>
                  <option value="invoice-number">{t("invoiceNumber")}</option>
                </select>
              </label>
              <label className="flex items-center gap-1" title={t("roundingHint")}>
                <input type="checkbox" name="roundingLine" aria-label={t("bookRounding")} defaultChecked={booking.roundingLine === true} className={focusRing} /> {t("bookRounding")}
              </label>
              <button className={`${button} bg-slate-900 text-white`}>{t("saveLayout")}</button>
            </form>
          )}
        </Step>
      )}

      {target.companyId && (
        <Step id="vat" title={withGrid ? t("vatGridTitle") : t("vatTitle")} done={vatDone} doneLabel={done}>
          {withGrid
            ? <VatGridForm licenseKey={k} grid={grid} catalog={catalog} costAccounts={costAccounts} saved={integration.vatMappings.length > 0} locale={locale} />
            : <p><strong>{t("vatAsInOrdersLead")}</strong> {t("vatAsInOrdersText", { target: targetName })}</p>}
        </Step>
      )}

      {vatDone && (
        <Step id="payment-methods" title={t("paymentMethodsTitle")} doneLabel={done}>
          <p>{t("paymentMethodsText")}</p>
          <ul className="space-y-1">
            {integration.paymentMethods.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <span className="font-mono">{m.method}</span> → {m.fixedDebtor ?? t("debtorPerCustomer")}
                <form action={act.removePaymentMethod.bind(null, k, m.id)}>
                  <button aria-label={t("removeMethod", { method: m.method })} className={`rounded text-xs text-red-700 underline ${focusRing}`}>{t("remove")}</button>
                </form>
              </li>
            ))}
          </ul>
          <form action={act.addPaymentMethod.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <input name="method" placeholder={t("paymentMethodPlaceholder")} aria-label={t("paymentMethod")} className={`rounded border border-slate-300 px-2 py-1 ${focusRing}`} />
            <input name="fixedDebtor" placeholder={t("fixedDebtorPlaceholder", { target: targetName })} aria-label={t("fixedDebtor")} className={`rounded border border-slate-300 px-2 py-1 ${focusRing}`} />
            <button className={`${button} border border-slate-300`}>{t("add")}</button>
          </form>
        </Step>
      )}

      {vatDone && targetSetups[integration.targetSystem as TargetSystem]?.registersPayments && (
        <Step id="payments" title={t("paymentsTitle")} done={payments.enabled} doneLabel={done}>
          <p>{t(paymentAccounts ? "paymentsText" : "paymentsOnInvoiceText", { target: targetName })}</p>
          <form action={act.savePayments.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1"><input type="checkbox" name="enabled" aria-label={t("bookPayments")} defaultChecked={payments.enabled} className={focusRing} /> {t("bookPayments")}</label>
            {paymentAccounts && (
              <label className="min-w-0 max-w-full">{t("clearingAccount")}{" "}
                <select name="account" aria-label={t("clearingAccount")} defaultValue={payments.accounts.default ?? ""} className={select}>
                  <option value="">{t("choose")}</option>
                  {catalog.accounts.map((a) => <option key={a.id} value={a.id}>{a.code ? `${a.code} ${a.name}` : a.name}</option>)}
                </select>
              </label>
            )}
            <button className={`${button} bg-slate-900 text-white`}>{t("savePayments")}</button>
          </form>
        </Step>
      )}

      {vatDone && (
        <Step id="finish" title={t("finishTitle")} done={integration.status === "active"} doneLabel={done}>
          <form action={act.finishInstall.bind(null, k)}><button className={`${button} bg-green-600 text-white`}>{integration.status === "active" ? t("saveAndDashboard") : t("finishInstall")}</button></form>
        </Step>
      )}
    </main>
  );
}
