import { sourceSetups } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import { StatusDot } from "@/components/status-dot";
import { env, isSandbox } from "@/lib/config/env";
import { initialValues } from "@/lib/install/credential-values";
import { awaitsAuthorization, sourceConnect } from "@/lib/install/source-connect";
import { ConnectForm } from "./connect-form";

type Connection = { status: string; statusDetail: string | null; baseUrl: string | null } | undefined;

function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <label className="block">
      <span className="font-medium">{label}</span>
      <input readOnly value={value} aria-label={label} className="mt-1 block w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs" />
    </label>
  );
}

/** The webshop line of the Connections step: its dot, and the way this shop system is connected. */
export function SourceConnection({ licenseKey, system, name, connection, credentials, termsAccepted }: {
  licenseKey: string;
  system: SourceSystem;
  name: string;
  connection: Connection;
  credentials: Record<string, unknown>;
  termsAccepted: boolean;
}) {
  const hasCredentials = Object.keys(credentials).length > 0;
  const pending = awaitsAuthorization(system, credentials);
  const dot = !hasCredentials || pending ? "unknown" : connection?.status === "error" ? "error" : "ok";
  const fields = sourceSetups[system]?.credentialForm?.fields ?? [];
  const baseUrl = connection?.baseUrl ?? null;
  const plan = sourceConnect({ system, licenseKey, baseUrl, appUrl: env().APP_URL, sandbox: isSandbox() });
  const form = (
    <ConnectForm licenseKey={licenseKey} side="source" systemName={name} fields={fields} initial={initialValues(fields, credentials, baseUrl)} connected={dot === "ok"} submitLabel={system === "magento1" ? "Save" : undefined} />
  );

  return (
    <div id="webshop" className="space-y-2">
      <p>
        <StatusDot status={dot} label={`Webshop (${name})`} />
        {connection?.statusDetail && <span className="ml-2 text-red-700">{connection.statusDetail}</span>}
      </p>
      {termsAccepted && plan.kind === "app-store" && (
        <div className="rounded-md border border-slate-200 p-3">
          <p><strong>Install from the app store.</strong> {name} is connected by installing our app from the {plan.store} app store: the shop then hands the integration its keys itself, and you come back here.</p>
          <p className="mt-1 text-slate-600">{plan.steps}</p>
          {plan.installLink && <a href={plan.installLink} className="mt-2 inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">Install from the {plan.store} app store</a>}
        </div>
      )}
      {termsAccepted && plan.kind === "magento2" && (
        <>
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <p><strong>Magento 2.1 to 2.4.3:</strong> in the Magento admin go to System &gt; Extensions &gt; Integrations &gt; Add New Integration. Enter a name, your password and these two addresses, tick the resources on the API tab, save, then click Activate and Allow. In the window that opens, enter your webshop domain and the license key, and click Consent to connect.</p>
            <CopyField label="Callback URL" value={plan.callbackUrl} />
            <CopyField label="Identity link URL" value={plan.identityUrl} />
          </div>
          <p><strong>Magento 2.4.4 and later:</strong> create the integration without Callback URL and Identity link URL, activate it, and paste its four keys here.</p>
          {form}
        </>
      )}
      {termsAccepted && plan.kind === "magento1" && (
        <>
          <p>Enter the admin URL of the webshop with the consumer key and secret of the REST OAuth consumer (leave its Callback URL empty), then click the yellow Connect button to authorize the integration.</p>
          {form}
          {hasCredentials && (
            <a href={plan.startUrl} className="inline-block rounded-md bg-yellow-400 px-3 py-1.5 text-sm font-medium text-slate-900">{pending ? "Connect" : "Authorize again"}</a>
          )}
        </>
      )}
      {termsAccepted && plan.kind === "form" && form}
    </div>
  );
}
