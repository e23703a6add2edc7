import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";
import { StatusDot } from "@/components/status-dot";
import { initialValues } from "@/lib/install/credential-values";
import { ConnectForm } from "./connect-form";

type Connection = { status: string; statusDetail: string | null } | undefined;

const button = "rounded-md px-3 py-1.5 text-sm font-medium";

/** The accounting line of the Connections step: OAuth systems' red Connect button, or the system's credential form. */
export function TargetConnection({ licenseKey, system, name, connection, credentials, termsAccepted }: {
  licenseKey: string;
  system: TargetSystem;
  name: string;
  connection: Connection;
  credentials: Record<string, unknown>;
  termsAccepted: boolean;
}) {
  const setup = targetSetups[system];
  const connected = connection?.status === "ok";
  const fields = setup?.credentialForm?.fields ?? [];
  return (
    <div id="accounting" className="space-y-2">
      <p className="flex items-center gap-3">
        <StatusDot status={connection?.status ?? "unknown"} label={`Accounting (${name})`} />
        {termsAccepted && setup?.authorizeUrl && (
          <a href={`/api/oauth/${system}/start?licenseKey=${encodeURIComponent(licenseKey)}`} className={`${button} ${connected ? "border border-slate-300" : "bg-red-600 text-white"}`}>
            {connected ? "Reconnect" : "Connect"}
          </a>
        )}
        {connection?.statusDetail && <span className="text-red-700">{connection.statusDetail}</span>}
      </p>
      {termsAccepted && !setup?.authorizeUrl && setup?.credentialForm && (
        <ConnectForm licenseKey={licenseKey} side="target" systemName={name} fields={fields} initial={initialValues(fields, credentials, null)} connected={connected} />
      )}
    </div>
  );
}
