import type { ConnectorContext } from "@/connectors/types";

/** What the installation needs from a webshop system, beyond fetching documents. */
export interface SourceSetup {
  /** Webhook shops: register (idempotently) the address the shop must call. */
  registerWebhooks?(ctx: ConnectorContext, callbackUrl: string): Promise<void>;
  testConnection(ctx: ConnectorContext): Promise<void>;
}

/** Filled per webshop system (one line each), like connectors/registry.ts. */
export const sourceSetups: Record<string, SourceSetup> = {};
