import { z } from "zod";
import type { ConnectorContext, DocumentKind, SourceConnector, SourceDocument } from "../types";
import { ConnectorError } from "../types";
import { createMagento2Client } from "./client";
import { magento2SettingsSchema, type Magento2Settings } from "./config";
import { eligibility, normalizeDocument } from "./map";
import { pollChanges, type PollOptions } from "./poll";
import { listHistory } from "./list-history";
import { parsePayload } from "./schemas";

/** Only what fetching needs of an invoice or credit memo: which order to read along. */
const headSchema = z.looseObject({
  entity_id: z.union([z.number(), z.string()]).transform(String),
  increment_id: z.string().nullish(),
  order_id: z.union([z.number(), z.string()]).transform(String),
});

export function parseMagento2Settings(input: unknown): Magento2Settings {
  const parsed = magento2SettingsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConnectorError("invalid_settings", `The Magento 2 settings are invalid: ${issue?.path.join(".")} ${issue?.message}.`, false);
}

/**
 * The Magento 2 source: invoices and credit memos, polled (Magento has no webhooks), each fetched
 * with its order (customer, payment method, affiliate) and mapped per the manual (map.ts).
 */
export function createMagento2Source(ctx: ConnectorContext<unknown>, settingsInput: unknown = {}, pollOptions: PollOptions = {}) {
  const settings = parseMagento2Settings(settingsInput);
  const client = createMagento2Client(ctx, { authMode: settings.authMode, signatureMethod: settings.signatureMethod, storeCode: settings.storeCode });

  async function fetchDocument(kind: DocumentKind, id: string): Promise<SourceDocument> {
    if (kind === "order") throw new ConnectorError("not_supported", "This integration books Magento invoices and credit memos, not orders.", false);
    const what = kind === "creditnote" ? "credit memo" : "invoice";
    const raw = kind === "creditnote" ? await client.getCreditmemo(id) : await client.getInvoice(id);
    const head = parsePayload(headSchema, raw, what);
    const order = await client.getOrder(head.order_id);
    return { kind, sourceId: head.entity_id, number: head.increment_id ?? undefined, payload: { ...(raw as object), order } };
  }

  return {
    system: "magento2" as const,
    client,
    settings,
    fetchDocument,
    normalize: (doc: SourceDocument) => normalizeDocument(doc.kind, doc.payload, settings),
    eligibility: (doc: SourceDocument) => eligibility(doc.kind, doc.payload),
    pollChanges: (args: { cursor: string | null; startDate: string }) => pollChanges(client, args, pollOptions),
    listHistory: (args: { from: string; to: string; cursor: string | null }) => listHistory(client, args, { pageSize: pollOptions.pageSize, kinds: pollOptions.kinds }),
    /** One cheap signed read of each list this integration polls; throws ConnectorError (e.g. "unauthorized"). */
    async testConnection(): Promise<{ ok: true }> {
      for (const resource of ["invoices", "creditmemos"] as const) await client.list(resource, { pageSize: 1, currentPage: 1, fields: "total_count" });
      return { ok: true };
    },
  };
}

export type Magento2Source = ReturnType<typeof createMagento2Source>;

/** For connectors/registry.ts (typed against SourceConnector). */
export const magento2SourceFactory = (ctx: ConnectorContext, settings: unknown): SourceConnector => createMagento2Source(ctx, settings);
