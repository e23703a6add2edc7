import { z } from "zod";
import { ConnectorError } from "@/connectors/types";

/**
 * HTTP to Mollie's Payments API v2 (https://api.mollie.com/v2): create a payment and fetch it.
 * Bearer API key; amounts are strings with two decimals ({"currency": "EUR", "value": "181.50"}).
 * Mollie's webhook only says a payment's id changed; its status is always fetched from here.
 */
export type MollieSettings = { apiKey: string; baseUrl: string; fetch?: typeof fetch; timeoutMs?: number };

export type CreatePaymentInput = {
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl?: string;
  metadata?: Record<string, string>;
  /** Mollie's checkout language: nl_NL, en_US… */
  locale?: string;
};

const amountSchema = z.object({ currency: z.string(), value: z.string().regex(/^\d+\.\d{2}$/) });
const linkSchema = z.object({ href: z.string() }).nullish();
export const molliePaymentSchema = z.object({
  resource: z.literal("payment"),
  id: z.string(),
  mode: z.enum(["live", "test"]),
  status: z.enum(["open", "pending", "authorized", "paid", "canceled", "expired", "failed"]),
  amount: amountSchema,
  description: z.string(),
  metadata: z.unknown().nullish(),
  createdAt: z.string(),
  paidAt: z.string().nullish(),
  expiresAt: z.string().nullish(),
  redirectUrl: z.string().nullish(),
  webhookUrl: z.string().nullish(),
  _links: z.object({ checkout: linkSchema, self: linkSchema }).partial(),
});
export type MolliePayment = z.infer<typeof molliePaymentSchema> & { checkoutUrl?: string };
export type MolliePaymentStatus = MolliePayment["status"];

const errorSchema = z.object({ status: z.number(), title: z.string().optional(), detail: z.string().optional(), field: z.string().optional() });

/** A Mollie payment id as the webhook sends it (tr_ and letters/digits); anything else is not asked about. */
export const isMolliePaymentId = (id: unknown): id is string => typeof id === "string" && /^tr_[A-Za-z0-9]{4,40}$/.test(id);

const DEFAULT_TIMEOUT_MS = 15_000;

export function createMollieClient(settings: MollieSettings) {
  const base = `${settings.baseUrl.replace(/\/+$/, "")}/v2`;
  const doFetch = settings.fetch ?? globalThis.fetch;

  async function request(method: "GET" | "POST", path: string, body?: unknown): Promise<MolliePayment> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${settings.apiKey}`, accept: "application/hal+json", ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (err) {
      throw new ConnectorError("mollie_unavailable", `Mollie could not be reached: ${(err as Error).message}`, true);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw mollieError(res.status, json, text);
    const parsed = molliePaymentSchema.safeParse(json);
    if (!parsed.success) throw new ConnectorError("mollie_invalid_response", `Mollie answered with a payment we cannot read: ${parsed.error.issues[0]?.message ?? "invalid"}`, true, { status: res.status, body: text.slice(0, 2000) });
    return { ...parsed.data, checkoutUrl: parsed.data._links.checkout?.href };
  }

  return {
    createPayment: (input: CreatePaymentInput) => request("POST", "/payments", input),
    getPayment: (id: string) => {
      if (!isMolliePaymentId(id)) throw new ConnectorError("mollie_not_found", `"${id}" is not a Mollie payment id.`, false);
      return request("GET", `/payments/${encodeURIComponent(id)}`);
    },
  };
}

export type MollieClient = ReturnType<typeof createMollieClient>;

/** Mollie's error answer ({status, title, detail, field}) as a ConnectorError: 429 and 5xx are worth a retry. */
function mollieError(status: number, json: unknown, text: string): ConnectorError {
  const parsed = errorSchema.safeParse(json);
  const detail = parsed.success ? [parsed.data.detail ?? parsed.data.title, parsed.data.field ? `(field ${parsed.data.field})` : ""].filter(Boolean).join(" ") : text.slice(0, 200);
  const extra = { status, body: text.slice(0, 2000) };
  if (status === 401) return new ConnectorError("mollie_unauthorized", `Mollie refused our API key: ${detail}`, false, extra);
  if (status === 404) return new ConnectorError("mollie_not_found", `Mollie knows no such payment: ${detail}`, false, extra);
  if (status === 429 || status >= 500) return new ConnectorError("mollie_unavailable", `Mollie is unavailable (${status}): ${detail}`, true, extra);
  return new ConnectorError("mollie_rejected", `Mollie refused the request (${status}): ${detail}`, false, extra);
}

/** A Decimal amount as Mollie wants it: a string with exactly two decimals. */
export const mollieAmount = (value: { toFixed(dp: number): string }, currency = "EUR") => ({ currency, value: value.toFixed(2) });
