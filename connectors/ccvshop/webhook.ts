import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import { ConnectorError, type DocumentKind } from "../types";
import type { CcvClient } from "./client";
import { ccvCredentialsSchema, type CcvCredentials, type CcvSettings } from "./config";
import { safeEqualHex, webhookHash } from "./signing";

/**
 * CCV Shop webhooks (webshop-apis.md §2.7). A webhook is registered per event with an address;
 * CCV answers with a per-webhook secret `key`, which we must store to verify deliveries.
 * Deliveries are triggers only: the document is always re-fetched through the signed API.
 */
export type WebhookRegistration = { id: string; event: string; address: string; key: string };

/** "paid-orders": an order is paid or changes status; "invoices": an invoice is created or changes status. */
export const ORDER_EVENTS = ["orders.created", "orders.updated.ispaid", "orders.updated.status"] as const;
export const INVOICE_EVENTS = ["invoices.created", "invoices.updated.status"] as const;
/** Seen in no real integration (§2.7 [?]); a shop that refuses it must not fail the install. */
const OPTIONAL_EVENTS = new Set<string>(["invoices.created"]);

/** The events a document trigger needs; without a trigger, both (irrelevant ones end up not eligible). */
export const webhookEvents = (trigger?: CcvSettings["documentTrigger"]): string[] =>
  trigger === "invoices" ? [...INVOICE_EVENTS] : trigger === "paid-orders" ? [...ORDER_EVENTS] : [...ORDER_EVENTS, ...INVOICE_EVENTS];

/** The header CCV signs deliveries with. */
export const WEBHOOK_HASH_HEADER = "x-hash";

/**
 * Which stored registration signed this delivery: x-hash = HMAC-SHA512(key, address|rawBody),
 * compared in constant time against each registration; null when none did.
 */
export function verifyWebhook<R extends { address: string; key: string }>(input: { rawBody: string; hash: string | null | undefined; registrations: R[] }): R | null {
  let match: R | null = null;
  for (const registration of input.registrations) {
    // No early exit: every candidate costs the same, whichever matches.
    if (safeEqualHex(webhookHash(registration.key, registration.address, input.rawBody), input.hash) && !match) match = registration;
  }
  return match;
}

/**
 * A token in the registered address, derived from the shop's API secret. CCV's delivery signature
 * is not documented (§2.7 [I]) and the per-webhook keys need storing; the token authenticates a
 * delivery with nothing but the credentials: only CCV and we know the secret, and the address is
 * registered through the signed API. The x-hash is checked as well whenever keys are stored.
 */
export function webhookToken(credentials: CcvCredentials): string {
  return createHmac("sha256", credentials.secretKey).update(`ccvshop-webhook|${credentials.publicKey}`).digest("hex").slice(0, 40);
}

/** The address to register: the app's callback URL plus the token. */
export function webhookAddress(callbackUrl: string, credentials: CcvCredentials): string {
  const url = new URL(callbackUrl);
  url.searchParams.set("token", webhookToken(credentials));
  return url.toString();
}

/** What a delivery is about. `id` when the body carries it (or its href); otherwise the order number. */
export type WebhookNotice = { resource: "order" | "invoice"; id?: string; number?: string; event?: string };

const scalar = z.union([z.string(), z.number()]).transform(String);
const bodySchema = z.object({
  id: scalar.nullish(),
  href: z.string().nullish(),
  order_id: scalar.nullish(),
  invoice_id: scalar.nullish(),
  order_number: scalar.nullish(),
  ordernumber: scalar.nullish(),
  event: z.string().nullish(),
});

/** Parses a delivery body; `event` is the matched registration's event when known. */
export function parseWebhook(rawBody: string, event?: string): WebhookNotice {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ConnectorError("invalid_payload", "The CCV Shop webhook body is not valid JSON.", false, { body: rawBody.slice(0, 2000) });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success || json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new ConnectorError("invalid_payload", "The CCV Shop webhook body is not a JSON object with the resource's id.", false, { body: rawBody.slice(0, 2000) });
  }
  const body = parsed.data;
  const name = event ?? body.event ?? undefined;
  const fromHref = body.href ? /\/(orders|invoices)\/([^/?#]+)\/?(?:[?#]|$)/.exec(body.href) : null;
  const resource = name?.startsWith("invoices.") ? "invoice" : name?.startsWith("orders.") ? "order" : fromHref?.[1] === "invoices" ? "invoice" : fromHref?.[1] === "orders" ? "order" : body.invoice_id ? "invoice" : body.order_id || body.order_number || body.ordernumber ? "order" : undefined;
  if (!resource) throw new ConnectorError("invalid_payload", "The CCV Shop webhook does not say whether it concerns an order or an invoice.", false, { body: rawBody.slice(0, 2000) });
  const id = (resource === "invoice" ? body.invoice_id : body.order_id) ?? fromHref?.[2] ?? body.id ?? undefined;
  const number = body.order_number ?? body.ordernumber ?? undefined;
  if (!id && !number) throw new ConnectorError("invalid_payload", `The CCV Shop webhook names no ${resource} id.`, false, { body: rawBody.slice(0, 2000) });
  return { resource, id: id ?? undefined, number: id ? undefined : number, event: name };
}

const storedSchema = z.array(z.object({ event: z.string(), address: z.string(), key: z.string() }));

/**
 * The receiver of lib/pipeline/webhook-receivers.ts for CCV Shop: a delivery is genuine when its
 * x-hash matches a stored registration (credentials.webhooks, as registerWebhooks returned them)
 * or its address carries our token. Throws ConnectorError("unauthorized") otherwise, and
 * ConnectorError("invalid_payload") for a body that names no document id.
 * An invoice notice says "invoice" even for a credit invoice: fetchDocument tells them apart.
 */
export function receiveCcvWebhook(input: { headers: Headers; body: string; credentials: Record<string, unknown>; url: string }): { kind: DocumentKind; sourceId: string }[] {
  const credentials = ccvCredentialsSchema.safeParse(input.credentials);
  if (!credentials.success) throw new ConnectorError("unauthorized", "This CCV Shop webhook arrived for an integration without API keys.", false);
  const stored = storedSchema.safeParse(input.credentials.webhooks);
  const registration = verifyWebhook({ rawBody: input.body, hash: input.headers.get(WEBHOOK_HASH_HEADER), registrations: stored.success ? stored.data : [] });
  const token = URL.canParse(input.url) ? new URL(input.url).searchParams.get("token") : null;
  if (!registration && !safeEqualHex(webhookToken(credentials.data), token)) {
    throw new ConnectorError("unauthorized", "This CCV Shop webhook is not signed with a registered webhook key and carries no valid token.", false);
  }
  const notice = parseWebhook(input.body, registration?.event);
  if (!notice.id) throw new ConnectorError("invalid_payload", `The CCV Shop webhook names order number ${notice.number} but no id.`, false);
  return [{ kind: notice.resource, sourceId: notice.id }];
}

/** Removes every webhook of ours at `address` (whatever its query, e.g. an older token): the integration was cancelled. */
export async function unregisterWebhooks(client: CcvClient, address: string): Promise<number> {
  const withoutQuery = (a: string) => a.split("?")[0];
  const ours = (await client.listWebhooks()).filter((w) => withoutQuery(w.address) === withoutQuery(address));
  for (const webhook of ours) await client.deleteWebhook(webhook.id);
  return ours.length;
}

/**
 * Registers `events` at `address` without duplicates: an existing webhook for the same event and
 * address is kept (re-activated if needed), extra copies are deleted, and webhooks of ours (same
 * address, whatever its query) for other events or an older address are removed.
 * Returns every registration with its key: store them (encrypted) to verify deliveries by x-hash.
 */
export async function registerWebhooks(client: CcvClient, address: string, events: string[]): Promise<WebhookRegistration[]> {
  const withoutQuery = (a: string) => a.split("?")[0];
  const ours = (await client.listWebhooks()).filter((w) => withoutQuery(w.address) === withoutQuery(address));
  const result: WebhookRegistration[] = [];
  for (const event of events) {
    const [keep] = ours.filter((w) => w.event === event && w.address === address && w.key);
    for (const extra of ours.filter((w) => w.event === event && w !== keep)) await client.deleteWebhook(extra.id);
    if (keep) {
      if (keep.is_active === false) await client.patchWebhook(keep.id, { is_active: true });
      result.push({ id: keep.id, event, address, key: keep.key! });
      continue;
    }
    try {
      const created = await client.createWebhook({ event, address, is_active: true });
      if (!created.key) throw new ConnectorError("invalid_response", `CCV Shop created the ${event} webhook without a key.`, true);
      result.push({ id: created.id, event, address, key: created.key });
    } catch (err) {
      if (OPTIONAL_EVENTS.has(event) && err instanceof ConnectorError && (err.code === "rejected" || err.code === "not_found")) continue;
      throw err;
    }
  }
  for (const stale of ours.filter((w) => !events.includes(w.event))) await client.deleteWebhook(stale.id);
  return result;
}

/**
 * Replay identity of a verified delivery. CCV's signature covers address|body only: no timestamp and
 * no delivery id (webshop-apis.md §2.7), so a replay is recognised by the signed delivery itself
 * (signature or token, plus the body) for a short while; a later identical body is processed again
 * (it only makes us re-fetch the document, never book it twice).
 */
export function ccvDeliveryIdentity(input: { headers: Headers; body: string; url: string }): { key: string; signedAt?: Date; ttlMs: number } {
  const token = URL.canParse(input.url) ? new URL(input.url).searchParams.get("token") ?? "" : "";
  return { key: `ccv:${createHash("sha256").update(`${input.headers.get(WEBHOOK_HASH_HEADER) ?? ""}|${token}|${input.body}`).digest("hex")}`, ttlMs: CCV_REPLAY_TTL_MS };
}

/** Short: two real events can carry the same body (a status changed back and forth), and those must both count. */
export const CCV_REPLAY_TTL_MS = 5 * 60_000;
