import { EBOEKHOUDEN_BASE_URL } from "@/connectors/eboekhouden/config";
import { FACTUURSTUREN_BASE_URL } from "@/connectors/factuursturen/config";
import { ROMPSLOMP_BASE_URL } from "@/connectors/rompslomp/config";
import type { SourceSystem, TargetSystem } from "@/connectors/types";
import { WEFACT_BASE_URL } from "@/connectors/wefact/config";
import { installMethodOf } from "./integration-pairs";

const productionBaseUrls: Record<TargetSystem, string> = {
  rompslomp: ROMPSLOMP_BASE_URL,
  eboekhouden: EBOEKHOUDEN_BASE_URL,
  wefact: WEFACT_BASE_URL,
  factuursturen: FACTUURSTUREN_BASE_URL,
};

/**
 * The two connections of a new integration, still without keys. In sandbox mode both point at
 * the integration's own sandbox tenants (tenant = license key in lower case, as for the demo
 * integrations): the accounting administration, and for App Store shops the shop whose app store
 * the wizard links to. Otherwise the accounting side gets the system's real address and the shop's
 * address comes with its keys (form or handshake).
 */
export function initialConnections(source: SourceSystem, target: TargetSystem, licenseKey: string, options: { sandboxOrigin: string; sandbox: boolean }) {
  const tenant = licenseKey.toLowerCase();
  const sandboxBase = (system: string) => `${options.sandboxOrigin}/sandbox/${system}/${tenant}`;
  const sourceBase = options.sandbox && installMethodOf(source) === "app-store" ? sandboxBase(source) : null;
  const targetBase = options.sandbox ? sandboxBase(target) : productionBaseUrls[target];
  return [
    { side: "source", system: source, baseUrl: sourceBase },
    { side: "target", system: target, baseUrl: targetBase },
  ];
}
