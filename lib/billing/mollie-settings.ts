import { ConnectorError } from "@/connectors/types";
import { env, isSandbox, sandboxUrl, type Env } from "../config/env";
import { createMollieClient, type MollieSettings } from "./mollie-client";
import { sandboxMollieApiKey } from "./mollie-sandbox/state";

/** The sandbox Mollie account the app uses in sandbox mode when no real key is configured. */
export const SANDBOX_MOLLIE_TENANT = "billing";

/**
 * Which Mollie the app talks to: the real one with MOLLIE_API_KEY; in sandbox mode without a key,
 * the sandbox Mollie served by the app itself (its test key is known per tenant).
 */
export function mollieSettings(e: Env = env()): MollieSettings {
  if (e.MOLLIE_API_KEY) return { apiKey: e.MOLLIE_API_KEY, baseUrl: e.MOLLIE_BASE_URL };
  if (isSandbox(e)) return { apiKey: sandboxMollieApiKey(SANDBOX_MOLLIE_TENANT), baseUrl: `${sandboxUrl(e)}/sandbox/mollie/${SANDBOX_MOLLIE_TENANT}` };
  throw new ConnectorError("mollie_not_configured", "Payment links cannot be made: MOLLIE_API_KEY is not set.", false);
}

export const mollie = (e: Env = env()) => createMollieClient(mollieSettings(e));

/** Where Mollie reports a changed payment, and where the merchant comes back after paying. */
export const mollieWebhookUrl = (e: Env = env()) => `${e.APP_URL.replace(/\/+$/, "")}/api/billing/mollie/webhook`;
export const paymentReturnUrl = (invoiceId: string, e: Env = env()) => `${e.APP_URL.replace(/\/+$/, "")}/billing/return/${encodeURIComponent(invoiceId)}`;
