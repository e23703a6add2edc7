import type { ConnectorContext, DocumentKind, SourceConnector, SourceDocument } from "../types";
import { ConnectorError } from "../types";
import { createKmoClient } from "./client";
import { kmoSettingsSchema } from "./config";
import { eligibility } from "./eligibility";
import { normalizeOrder } from "./map";
import { listHistory } from "./list-history";
import { pollChanges, POLL_PAGE_SIZE } from "./poll";
import { orderSchema, parsePayload, refundSchema } from "./schemas";

/**
 * The KMO Shops source: orders (webhooks + the hourly backstop poll), and refunds recorded as
 * credit notes that are never booked (eligibility.ts). Fits SourceFactory.
 */
export function createKmoShopsSource(ctx: ConnectorContext<unknown>, settingsInput: unknown = {}, options: { pageSize?: number } = {}) {
  const parsedSettings = kmoSettingsSchema.safeParse(settingsInput ?? {});
  if (!parsedSettings.success) {
    const issue = parsedSettings.error.issues[0];
    throw new ConnectorError("invalid_settings", `The KMO Shops settings are invalid: ${issue?.path.join(".")} ${issue?.message}.`, false);
  }
  const settings = parsedSettings.data;
  const client = createKmoClient(ctx);

  async function fetchDocument(kind: DocumentKind, id: string): Promise<SourceDocument> {
    if (kind === "creditnote") {
      const refund = parsePayload(refundSchema, await client.getRefund(id), "refund");
      return { kind, sourceId: refund.id, number: `${refund.order_number ?? refund.order_id}-R${refund.id}`, payload: refund };
    }
    if (kind !== "order") throw new ConnectorError("not_supported", "KMO Shops has no invoices; this integration books its orders.", false);
    const order = parsePayload(orderSchema, await client.getOrder(id), "order");
    return { kind, sourceId: order.id, number: order.order_number === null || order.order_number === undefined ? undefined : String(order.order_number), payload: order };
  }

  return {
    system: "kmoshops" as const,
    client,
    fetchDocument,
    eligibility: (doc: SourceDocument) => eligibility(doc.kind, doc.payload, settings),
    normalize(doc: SourceDocument) {
      if (doc.kind !== "order") throw new ConnectorError("not_supported", "KMO Shops refunds are not booked by this integration; only orders are.", false);
      return normalizeOrder(doc.payload, settings);
    },
    pollChanges: (args: { cursor: string | null; startDate: string }) => pollChanges(client, args, options.pageSize ?? POLL_PAGE_SIZE),
    listHistory: (args: { from: string; to: string; cursor: string | null }) => listHistory(client, args, options.pageSize ?? POLL_PAGE_SIZE),
  };
}

export type KmoShopsSource = ReturnType<typeof createKmoShopsSource>;

/** For connectors/registry.ts. */
export const kmoshopsSourceFactory = (ctx: ConnectorContext, settings: unknown): SourceConnector => createKmoShopsSource(ctx, settings);
