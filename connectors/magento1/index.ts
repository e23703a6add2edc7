import { z } from "zod";
import { parsePayload } from "../magento2/schemas";
import type { ConnectorContext, DocumentKind, SourceConnector, SourceDocument } from "../types";
import { ConnectorError } from "../types";
import { createMagento1Client } from "./client";
import { magento1SettingsSchema, type Magento1Settings } from "./config";
import { eligibility, normalizeMagento1 } from "./map";
import { listHistory } from "./list-history";
import { pollChanges, type PollOptions } from "./poll";

const headSchema = z.looseObject({
  entity_id: z.union([z.number(), z.string()]).transform(String),
  increment_id: z.string().nullish(),
  order_id: z.union([z.number(), z.string()]).transform(String),
});

export function parseMagento1Settings(input: unknown): Magento1Settings {
  const parsed = magento1SettingsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConnectorError("invalid_settings", `The Magento 1.9 settings are invalid: ${issue?.path.join(".")} ${issue?.message}.`, false);
}

/**
 * The Magento 1.9 source: invoices (and, when the merchant asked for them, credit invoices) read
 * through the invoice extension's REST resources, each with its order from the core orders resource.
 */
export function createMagento1Source(ctx: ConnectorContext<unknown>, settingsInput: unknown = {}, pollOptions: PollOptions = {}) {
  const settings = parseMagento1Settings(settingsInput);
  const client = createMagento1Client(ctx);
  const kinds: ("invoice" | "creditnote")[] = settings.creditInvoices ? ["invoice", "creditnote"] : ["invoice"];

  async function fetchDocument(kind: DocumentKind, id: string): Promise<SourceDocument> {
    if (kind === "order") throw new ConnectorError("not_supported", "This integration books Magento 1.9 invoices, not orders.", false);
    const raw = kind === "creditnote" ? await client.getCreditmemo(id) : await client.getInvoice(id);
    const head = parsePayload(headSchema, raw, kind === "creditnote" ? "credit memo" : "invoice");
    const order = await client.getOrder(head.order_id);
    return { kind, sourceId: head.entity_id, number: head.increment_id ?? undefined, payload: { ...(raw as object), order } };
  }

  return {
    system: "magento1" as const,
    client,
    settings,
    fetchDocument,
    normalize: (doc: SourceDocument) => normalizeMagento1(doc.kind, doc.payload, settings),
    eligibility: (doc: SourceDocument) => eligibility(doc.kind, doc.payload, settings),
    pollChanges: (args: { cursor: string | null; startDate: string }) => pollChanges(client, args, kinds, pollOptions),
    listHistory: (args: { from: string; to: string; cursor: string | null }) => listHistory(client, args, kinds, pollOptions.pageSize),
    /** One cheap signed read of each list polled; throws ConnectorError (e.g. "unauthorized", "api_not_found"). */
    async testConnection(): Promise<{ ok: true }> {
      for (const kind of kinds) await client.list(kind === "invoice" ? "invoices" : "creditmemos", { page: 1, limit: 1 });
      return { ok: true };
    },
  };
}

export type Magento1Source = ReturnType<typeof createMagento1Source>;

export const magento1SourceFactory = (ctx: ConnectorContext, settings: unknown): SourceConnector => createMagento1Source(ctx, settings);
