import type { DocumentKind } from "@/connectors/types";

/** A verified webhook: the documents it tells us about. */
export type WebhookNotice = { kind: DocumentKind; sourceId: string };

/**
 * Per webshop system: verify a webhook against the integration's credentials and say which
 * documents it concerns. Throws ConnectorError("unauthorized") for a bad signature and
 * ConnectorError("invalid_payload") for a body that is not what the shop sends.
 */
export type WebhookReceiver = (input: { headers: Headers; body: string; credentials: Record<string, unknown>; url: string }) => WebhookNotice[];

export const webhookReceivers: Record<string, WebhookReceiver> = {};
