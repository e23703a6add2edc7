import { sourceFactory, targetFactory } from "@/connectors/registry";
import type { ExternalCallRecord } from "@/connectors/types";
import { db } from "../db/client";
import { saveRefreshedCredentials } from "../integrations/connection-credentials";
import type { LoadedIntegration } from "../integrations/load-integration";

/** Builds the integration's source and target connectors; external calls go to `onCall`. */
export function connectorsFor(integration: LoadedIntegration, onCall: (call: ExternalCallRecord) => void) {
  const source = sourceFactory(integration.sourceSystem)(
    { baseUrl: integration.source.baseUrl, credentials: integration.source.credentials, onCall },
    integration.settings.source ?? {},
  );
  const target = targetFactory(integration.targetSystem)(
    { baseUrl: integration.target.baseUrl, credentials: integration.target.credentials, onCall },
    integration.settings.target ?? {},
    // Refreshed OAuth tokens are stored at once, sealed like every credential.
    { onCredentials: (c) => saveRefreshedCredentials(db(), integration.id, "target", c) },
  );
  return { source, target };
}
