import type { CredentialField } from "@/connectors/setup-types";
import { connectWithCredentials } from "./actions";
import { CredentialForm } from "./credential-form";

/**
 * A side's credential form in the Connections step: open while the side is not connected (with
 * the manuals' red Connect button), folded away behind "Change the connection" once it is.
 */
export function ConnectForm({ licenseKey, side, systemName, fields, initial, connected, submitLabel }: {
  licenseKey: string;
  side: "source" | "target";
  systemName: string;
  fields: CredentialField[];
  initial: Record<string, string>;
  connected: boolean;
  /** Where the form only saves and another button connects (Magento 1.9). */
  submitLabel?: string;
}) {
  const form = (
    <CredentialForm
      system={systemName}
      fields={fields.map((f) => ({ ...f }))}
      initial={initial}
      action={connectWithCredentials.bind(null, licenseKey, side)}
      submitLabel={submitLabel ?? (connected ? "Reconnect" : "Connect")}
      submitClass={connected ? "border border-slate-300 bg-white" : "bg-red-600 text-white"}
    />
  );
  if (!connected) return form;
  return (
    <details>
      <summary className="cursor-pointer text-slate-600">Change the {systemName} connection</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}
