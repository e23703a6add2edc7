import { systemNames, type SourceSystem, type SystemId, type TargetSystem } from "@/connectors/types";
import type { OrderStateChoice } from "@/connectors/prestashop/setup";
import type { Choice, TargetCatalog } from "@/connectors/setup-types";
import { currentAccount } from "@/lib/auth/session";
import { openCredentials } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { integrationForInstall } from "@/lib/install/install-access";
import { ORDER_STATES_SETTING } from "@/lib/install/order-states";
import { usesVatGrid } from "@/lib/install/vat-grid";
import { vatGridRows } from "@/lib/install/vat-grid-rows";
import { settingsMap } from "@/lib/integrations/settings";
import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { targetSetups } from "@/connectors/registry";
import * as act from "./actions";
import { OrderStatuses } from "./order-statuses";
import { SourceConnection } from "./source-connection";
import { TargetConnection } from "./target-connection";
import { VatGridForm } from "./vat-grid-form";
import { LicenseKeyProblemPage } from "../license-key-problem";

export const dynamic = "force-dynamic";

const button = "rounded-md px-3 py-1.5 text-sm font-medium";
const select = "rounded border border-slate-300 px-2 py-1 text-sm";

function Step({ id, title, done, children }: { id: string; title: string; done?: boolean; children: React.ReactNode }) {
  return (
    <section id={id} aria-label={title} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="flex items-center gap-2 font-semibold">{done && <span aria-label="done" className="text-green-600">✓</span>}{title}</h2>
      <div className="mt-3 space-y-3 text-sm">{children}</div>
    </section>
  );
}

export default async function InstallPage({ params, searchParams }: { params: Promise<{ licenseKey: string }>; searchParams: Promise<{ notice?: string }> }) {
  const licenseKey = decodeURIComponent((await params).licenseKey);
  const { notice } = await searchParams;
  const integration = await integrationForInstall(db(), licenseKey, await currentAccount());
  if (!integration) return <LicenseKeyProblemPage licenseKey={licenseKey} />;

  const settings = settingsMap(integration.settings);
  const sourceSettings = (settings.source ?? {}) as { documentTrigger?: string; statuses?: string[] };
  const target = (settings.target ?? {}) as { companyId?: string; templateId?: string; descriptionSource?: string };
  const booking = (settings.booking ?? {}) as { roundingLine?: boolean };
  const administrations = (settings.administrations ?? []) as Choice[];
  const catalog = (settings.catalog ?? { vatCodes: [], accounts: [], templates: [] }) as TargetCatalog;
  const payments = paymentsSettingOf(settings.payments);
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

  return (
    <main className="mx-auto max-w-5xl space-y-5 px-6 py-10">
      <header>
        <h1 className="text-2xl font-semibold">Install {sourceName} → {targetName}</h1>
        <p className="text-sm text-slate-600">License key <span className="font-mono">{licenseKey}</span>{integration.status === "active" && " · installed"}</p>
      </header>
      {notice && <p role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">{notice}</p>}

      <Step id="terms" title="1. Terms and conditions" done={terms}>
        <p>The terms follow the general ICT terms and conditions of the industry organisation and the GDPR guidelines.</p>
        {!terms && <form action={act.acceptTerms.bind(null, k)}><button className={`${button} bg-slate-900 text-white`}>Accept the terms</button></form>}
      </Step>

      <Step id="connections" title="2. Connections" done={source?.status === "ok" && accounting?.status === "ok"}>
        <SourceConnection licenseKey={k} system={sourceSystem} name={sourceName} connection={source} credentials={credentialsOf(source)} termsAccepted={terms} />
        <TargetConnection licenseKey={k} system={targetSystem} name={targetName} connection={accounting} credentials={credentialsOf(accounting)} termsAccepted={terms} />
      </Step>

      {terms && sourceSystem === "ccvshop" && (
        <Step id="processing" title="Processing: paid orders or invoices">
          <p>Paid orders keep unpaid orders out of your books, but include no credit notes. Invoices include every debit and credit invoice.</p>
          <form action={act.chooseDocumentTrigger.bind(null, k)} className="flex items-center gap-2">
            <select name="documentTrigger" aria-label="Process" defaultValue={sourceSettings.documentTrigger ?? "paid-orders"} className={select}>
              <option value="paid-orders">Paid orders</option>
              <option value="invoices">Invoices (debit and credit)</option>
            </select>
            <button className={`${button} bg-slate-900 text-white`}>Save processing choice</button>
          </form>
        </Step>
      )}

      {terms && sourceSystem === "prestashop" && source?.status === "ok" && (
        <Step id="statuses" title="Processing: order statuses to book" done={!!sourceSettings.statuses?.length}>
          <OrderStatuses licenseKey={k} states={orderStates} chosen={sourceSettings.statuses ?? []} />
        </Step>
      )}

      {accounting?.status === "ok" && (
        <Step id="administration" title={`3. ${targetName} administration and invoice layout`} done={!!target.companyId}>
          <form action={act.chooseAdministration.bind(null, k)} className="flex items-center gap-2">
            <label>Administration{" "}
              <select name="administration" aria-label="Administration" defaultValue={target.companyId ?? ""} className={select}>
                <option value="">Choose…</option>
                {administrations.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </label>
            <button className={`${button} bg-slate-900 text-white`}>Save administration</button>
          </form>
          <form action={act.refreshAdministrationData.bind(null, k)}><button className={`${button} border border-slate-300`} aria-label="Refresh administration data">⟳ Refresh</button></form>
          {target.companyId && (
            <form id="layout" action={act.chooseLayout.bind(null, k)} className="flex flex-wrap items-center gap-2">
              <label>Invoice layout{" "}
                <select name="template" aria-label="Invoice layout" defaultValue={target.templateId ?? ""} className={select}>
                  <option value="">Default layout</option>
                  {catalog.templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select>
              </label>
              <label>Description{" "}
                <select name="descriptionSource" aria-label="Description" defaultValue={target.descriptionSource ?? "order-number"} className={select}>
                  <option value="order-number">Order number</option>
                  <option value="invoice-number">Invoice number</option>
                </select>
              </label>
              <label className="flex items-center gap-1" title="Only where the accounting system's own VAT rounding cannot reproduce the webshop's cents otherwise">
                <input type="checkbox" name="roundingLine" aria-label="Book rounding differences" defaultChecked={booking.roundingLine === true} /> Book rounding differences
              </label>
              <button className={`${button} bg-slate-900 text-white`}>Save layout</button>
            </form>
          )}
        </Step>
      )}

      {target.companyId && (
        <Step id="vat" title={withGrid ? "4. VAT rates and revenue accounts" : "4. VAT"} done={vatDone}>
          {withGrid
            ? <VatGridForm licenseKey={k} grid={grid} catalog={catalog} costAccounts={costAccounts} saved={integration.vatMappings.length > 0} />
            : <p><strong>VAT as it appears in the orders.</strong> {targetName} books every line with the VAT percentage the webshop charged, so there are no VAT rates or revenue accounts to configure. Before booking, the integration checks that {targetName} knows each percentage.</p>}
        </Step>
      )}

      {vatDone && (
        <Step id="payment-methods" title="5. Payment methods and fixed debtors (optional)">
          <p>Orders paid with a listed method are booked on its fixed debtor instead of a debtor per customer (never for ICP, which needs the customer&apos;s VAT number).</p>
          <ul className="space-y-1">
            {integration.paymentMethods.map((m) => (
              <li key={m.id} className="flex items-center gap-3">
                <span className="font-mono">{m.method}</span> → {m.fixedDebtor ?? "debtor per customer"}
                <form action={act.removePaymentMethod.bind(null, k, m.id)}><button className="text-xs text-red-700 underline">remove</button></form>
              </li>
            ))}
          </ul>
          <form action={act.addPaymentMethod.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <input name="method" placeholder="Payment method, e.g. Bank transfer" aria-label="Payment method" className="rounded border border-slate-300 px-2 py-1" />
            <input name="fixedDebtor" placeholder={`${targetName} debtor id`} aria-label="Fixed debtor" className="rounded border border-slate-300 px-2 py-1" />
            <button className={`${button} border border-slate-300`}>Add</button>
          </form>
        </Step>
      )}

      {vatDone && targetSetups[integration.targetSystem as TargetSystem]?.registersPayments && (
        <Step id="payments" title="Payments (optional)" done={payments.enabled}>
          <p>Book each payment the webshop receives against its invoice in {targetName}, on a clearing account, once the invoice is booked.</p>
          <form action={act.savePayments.bind(null, k)} className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1"><input type="checkbox" name="enabled" aria-label="Book payments" defaultChecked={payments.enabled} /> Book payments</label>
            <label>Clearing account{" "}
              <select name="account" aria-label="Clearing account" defaultValue={payments.accounts.default ?? ""} className={select}>
                <option value="">Choose…</option>
                {catalog.accounts.map((a) => <option key={a.id} value={a.id}>{a.code ? `${a.code} ${a.name}` : a.name}</option>)}
              </select>
            </label>
            <button className={`${button} bg-slate-900 text-white`}>Save payments</button>
          </form>
        </Step>
      )}

      {vatDone && (
        <Step id="finish" title="6. Finish" done={integration.status === "active"}>
          <form action={act.finishInstall.bind(null, k)}><button className={`${button} bg-green-600 text-white`}>{integration.status === "active" ? "Save and go to the dashboard" : "Finish installation"}</button></form>
        </Step>
      )}
    </main>
  );
}
