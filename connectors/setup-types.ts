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

/** A field the merchant fills in to connect a system without an OAuth consent page (API keys, tokens, passwords). */
export type CredentialField = {
  name: string; label: string; secret?: boolean; help?: string; placeholder?: string; optional?: boolean;
  /** A choice instead of free text (e.g. which way in a system offers): the value sent is `value`. */
  options?: { value: string; label: string }[];
  /** Shown (and required) only while another field has this value. */
  showWhen?: { field: string; equals: string };
  /** The Dutch wording of label, help, placeholder and option labels (by value); English is the default above. */
  nl?: { label: string; help?: string; placeholder?: string; options?: Record<string, string> };
};

/** API-key systems: the wizard shows `fields`, then `connect` checks them with one cheap authenticated call. */
export interface CredentialForm {
  fields: CredentialField[];
  /** Returns the credentials to seal and store; throws ConnectorError whose message tells the merchant what to fix. */
  connect(args: { baseUrl: string; values: Record<string, string>; fetch?: typeof fetch }): Promise<Record<string, unknown>>;
}

export interface TargetSetup {
  /** False for systems that take each line's own VAT rate (no VAT grid to configure). */
  usesVatGrid?: boolean;
  /** True for systems whose connector books payments against invoices (registerPayment). */
  registersPayments?: boolean;
  /**
   * True where a payment is booked on an account the merchant picks (Rompslomp's clearing account,
   * e-Boekhouden's financial account), per payment method; WeFact and Factuursturen have none.
   */
  paymentAccounts?: boolean;
  /** API-key systems: the connect form (OAuth systems use authorizeUrl/exchangeCode instead). */
  credentialForm?: CredentialForm;
  /** OAuth systems: where the red Connect button sends the merchant. */
  authorizeUrl?(args: { baseUrl: string; state: string; redirectUri: string }): string;
  /** OAuth systems: the callback's code → credentials to seal and store. */
  exchangeCode?(args: { baseUrl: string; code: string; redirectUri: string }): Promise<Record<string, unknown>>;
  listAdministrations(ctx: SetupContext): Promise<Choice[]>;
  catalog(ctx: SetupContext, administrationId: string): Promise<TargetCatalog>;
}

/** What the installation needs from a webshop system, beyond fetching documents. */
export interface SourceSetup {
  /** Shops connected by entering keys in our wizard (not by an app-store handshake). */
  credentialForm?: CredentialForm;
  testConnection(ctx: ConnectorContext, settings?: unknown): Promise<void>;
  /** Webhook shops: register (idempotently) the address the shop must call; returns what to keep in the credentials. */
  registerWebhooks?(ctx: ConnectorContext, callbackUrl: string, settings?: unknown): Promise<Record<string, unknown> | void>;
  /** Webhook shops: remove our webhooks for this integration's address (cancel); returns how many were removed. */
  unregisterWebhooks?(ctx: ConnectorContext, callbackUrl: string): Promise<number>;
}

/** A verified webhook: the documents it tells us about. */
export type WebhookNotice = { kind: DocumentKind; sourceId: string };

/**
 * Verifies a webhook against the integration's credentials and says which documents it concerns.
 * Throws ConnectorError("unauthorized") for a bad signature, ConnectorError("invalid_payload") for
 * a body that is not what the shop sends.
 */
export type WebhookReceiver = (input: { headers: Headers; body: string; credentials: Record<string, unknown>; url: string }) => WebhookNotice[];

/**
 * For a delivery the receiver accepted: the key a replay of it would have (the shop's delivery id,
 * or a hash of the signed delivery), how long to remember it, and its signed timestamp when the
 * shop's scheme has one (checked against that window).
 */
export type WebhookDeliveryIdentity = (input: { headers: Headers; body: string; url: string }) => { key: string; signedAt?: Date; ttlMs: number };
