import { z } from "zod";
import type { ConnectorContext, DocumentKind, SourceConnector, SourceDocument } from "../types";
import { ConnectorError } from "../types";
import { createCcvClient, type CcvClientOptions } from "./client";
import { ccvCredentialsSchema, ccvSettingsSchema } from "./config";
import { parseCcvTimestamp } from "./dates";
import { listHistory } from "./list-history";
import { listPayments } from "./list-payments";
import { eligibility, normalizeInvoice, normalizeOrder, orderIdOf, paymentsOf, type MapOptions } from "./map";
import { parsePayload } from "./schemas";
import { registerWebhooks, webhookAddress, webhookEvents, type WebhookNotice } from "./webhook";

/** Only what fetching needs to know of a resource; everything else is kept as CCV sent it. */
const resourceSchema = z.looseObject({ id: z.union([z.number(), z.string()]) });
const invoiceHeadSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  type: z.string().nullish(),
  paymethod: z.string().nullish(),
  order: z.union([z.string(), z.object({ href: z.string() })]).nullish(),
  invoicenumber_full: z.string().nullish(),
});
const listedSchema = z.looseObject({ id: z.union([z.number(), z.string()]), create_date: z.string() });

/**
 * The CCV Shop source: fetch (HTTP) plus the pure mapping of map.ts under this integration's
 * settings ({documentTrigger, shopCountry, paymentMethods}, see config.ts). Fits SourceFactory.
 */
export function createCcvShopSource(ctx: ConnectorContext<unknown>, settingsInput: unknown = {}, options: CcvClientOptions & MapOptions = {}) {
  const parsedSettings = ccvSettingsSchema.safeParse(settingsInput ?? {});
  if (!parsedSettings.success) {
    throw new ConnectorError("invalid_settings", `The CCV Shop settings are invalid: ${parsedSettings.error.issues[0]?.path.join(".")} ${parsedSettings.error.issues[0]?.message}.`, false);
  }
  const settings = parsedSettings.data;
  const client = createCcvClient(ctx, options);
  const credentials = ccvCredentialsSchema.parse(ctx.credentials); // createCcvClient has checked them

  async function fetchOrder(id: string): Promise<SourceDocument> {
    const order = parsePayload(resourceSchema, await client.getOrder(id), "order");
    const orderrows = await client.getOrderRows(id);
    const number = typeof order.ordernumber_full === "string" ? order.ordernumber_full : undefined;
    return { kind: "order", sourceId: String(order.id), number, payload: { ...order, orderrows } };
  }

  async function fetchInvoice(id: string): Promise<SourceDocument> {
    const invoice = parsePayload(invoiceHeadSchema, await client.getInvoice(id), "invoice");
    const invoicerows = await client.getInvoiceRows(id);
    const payload: Record<string, unknown> = { ...invoice, invoicerows };
    // CCV's invoice resource has no payment method or transaction id; the manual reads them, so take them from its order.
    const orderId = orderIdOf(invoice.order);
    if (!invoice.paymethod && orderId) {
      const order = await client.getOrder(orderId).catch((err: unknown) => {
        if (err instanceof ConnectorError && err.code === "not_found") return null;
        throw err;
      });
      const linked = order ? parsePayload(z.looseObject({}), order, "order") : null;
      if (linked) payload.linked_order = { paymethod: linked.paymethod, paymethod_id: linked.paymethod_id, transaction_id: linked.transaction_id, customer: linked.customer };
    }
    return { kind: invoice.type === "credit" ? "creditnote" : "invoice", sourceId: String(invoice.id), number: invoice.invoicenumber_full ?? undefined, payload };
  }

  return {
    system: "ccvshop" as const,
    client,
    /** The document with its rows embedded under `orderrows` / `invoicerows`. An invoice comes back as "creditnote" when CCV's type is credit. */
    fetchDocument: (kind: DocumentKind, id: string) => (kind === "order" ? fetchOrder(id) : fetchInvoice(id)),
    normalize: (doc: SourceDocument) => (doc.kind === "order" ? normalizeOrder(doc.payload, settings, options) : normalizeInvoice(doc.payload, settings)),
    eligibility: (doc: SourceDocument) => eligibility(doc.kind, doc.payload, settings),
    payments: (doc: SourceDocument) => paymentsOf(doc.payload, doc.kind),
    listPayments: (args: { from: string; cursor: string | null }) => listPayments(client, settings.documentTrigger, args),
    /** Registers the webhooks the document trigger needs at `url` (plus our token); store the returned keys in credentials.webhooks. */
    registerWebhooks: (url: string) => registerWebhooks(client, webhookAddress(url, credentials), webhookEvents(settings.documentTrigger)),

    /** Which document a webhook notice concerns; a notice with only an order number is looked up. */
    async resolveWebhook(notice: WebhookNotice): Promise<{ kind: DocumentKind; id: string }> {
      if (notice.id) return { kind: notice.resource, id: notice.id };
      for await (const item of client.listOrders({ ordernumber: notice.number })) {
        return { kind: "order", id: String(parsePayload(resourceSchema, item, "order").id) };
      }
      throw new ConnectorError("not_found", `CCV Shop has no order with number ${notice.number}.`, false);
    },

    /** Backstop polling: documents created since `since` (CCV filters by creation date only). */
    async *listCreatedSince(since: Date): AsyncGenerator<{ kind: DocumentKind; id: string; createdAt: string }> {
      // The filter takes a date; the exact moment is applied here.
      const query = { min_create_date: since.toISOString().slice(0, 10), orderby: "create_date" };
      const items = settings.documentTrigger === "invoices" ? client.listInvoices(query) : client.listOrders(query);
      for await (const item of items) {
        const listed = parsePayload(listedSchema, item, settings.documentTrigger === "invoices" ? "invoice" : "order");
        const createdAt = parseCcvTimestamp(listed.create_date);
        if (createdAt < since) continue;
        // Like webhook notices, credit invoices are listed as "invoice": one Document key per CCV invoice.
        yield { kind: settings.documentTrigger === "invoices" ? "invoice" : "order", id: String(listed.id), createdAt: createdAt.toISOString() };
      }
    },

    /** History import: documents created in a range of days (see list-history.ts). */
    listHistory: (args: { from: string; to: string; cursor: string | null }) => listHistory(client, settings.documentTrigger, args),

    /** One cheap signed read of what this integration needs; throws ConnectorError (e.g. "unauthorized"). */
    async testConnection(): Promise<{ ok: true }> {
      const path = settings.documentTrigger === "invoices" ? "/api/rest/v1/invoices?start=0&size=1" : "/api/rest/v1/orders?start=0&size=1";
      await client.request("GET", path);
      return { ok: true };
    },
  };
}

export type CcvShopSource = ReturnType<typeof createCcvShopSource>;

/** For connectors/registry.ts: `ccvshop: ccvshopSourceFactory` (typed against SourceConnector). */
export const ccvshopSourceFactory = (ctx: ConnectorContext, settings: unknown): SourceConnector => createCcvShopSource(ctx, settings);
