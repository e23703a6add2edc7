import type { ConnectorContext, DocumentKind } from "./types";

/** What the installation wizard needs from an accounting system, beyond booking. */
export type Choice = { id: string; name: string };
export type VatCodeChoice = Choice & { rate?: string; scope?: "domestic" | "zero" | "reverse-charge" | "exempt" | "other" };
export type TargetCatalog = { vatCodes: VatCodeChoice[]; accounts: (Choice & { code?: string })[]; templates: Choice[] };

export type SetupContext = {
  baseUrl: string;
  credentials: Record<string, unknown>;
  onCredentials(credentials: Record<string, unknown>): Promise<void>;
  fetch?: typeof fetch;
};

export interface TargetSetup {
  /** OAuth systems: where the red Connect button sends the merchant. */
  authorizeUrl?(args: { baseUrl: string; state: string; redirectUri: string }): string;
  /** OAuth systems: the callback's code → credentials to seal and store. */
  exchangeCode?(args: { baseUrl: string; code: string; redirectUri: string }): Promise<Record<string, unknown>>;
  listAdministrations(ctx: SetupContext): Promise<Choice[]>;
  catalog(ctx: SetupContext, administrationId: string): Promise<TargetCatalog>;
}

/** What the installation needs from a webshop system, beyond fetching documents. */
export interface SourceSetup {
  testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void>;
  /** Webhook shops: register (idempotently) the address the shop must call; returns what to keep in the credentials. */
  registerWebhooks?(ctx: ConnectorContext, callbackUrl: string, settings?: unknown): Promise<Record<string, unknown> | void>;
}

/** A verified webhook: the documents it tells us about. */
export type WebhookNotice = { kind: DocumentKind; sourceId: string };

/**
 * Verifies a webhook against the integration's credentials and says which documents it concerns.
 * Throws ConnectorError("unauthorized") for a bad signature, ConnectorError("invalid_payload") for
 * a body that is not what the shop sends.
 */
export type WebhookReceiver = (input: { headers: Headers; body: string; credentials: Record<string, unknown>; url: string }) => WebhookNotice[];
