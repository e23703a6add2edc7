import type { ConnectorContext, DocumentKind, SourceConnector, SourceDocument } from "../types";
import { ConnectorError } from "../types";
import { createPrestaShopClient } from "./client";
import { prestashopSettingsSchema } from "./config";
import { fetchOrder } from "./fetch-order";
import { eligibility, normalizeOrder, paymentsOf } from "./map";
import { listHistory } from "./list-history";
import { pollChanges, recheckWindow } from "./poll";
import { checkAccess } from "./setup";

/**
 * The PrestaShop source: orders only (the manual books orders; credit slips are not in it),
 * fetched through the webservice, mapped by map.ts under this integration's settings (config.ts),
 * found by polling date_upd (poll.ts). Fits SourceFactory.
 */
export function createPrestaShopSource(ctx: ConnectorContext<unknown>, settingsInput: unknown = {}, options: { pageSize?: number } = {}) {
  const parsed = prestashopSettingsSchema.safeParse(settingsInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError("invalid_settings", `The PrestaShop settings are invalid: ${issue?.path.join(".")} ${issue?.message}.`, false);
  }
  const settings = parsed.data;
  const client = createPrestaShopClient(ctx, { auth: settings.auth });

  return {
    system: "prestashop" as const,
    client,
    settings,
    async fetchDocument(kind: DocumentKind, id: string): Promise<SourceDocument> {
      if (kind !== "order") throw new ConnectorError("not_supported", `PrestaShop documents are orders; "${kind}" ${id} cannot be fetched.`, false);
      return fetchOrder(client, id, settings);
    },
    normalize: (doc: SourceDocument) => normalizeOrder(doc.payload, settings),
    eligibility: (doc: SourceDocument) => eligibility(doc.payload, settings),
    payments: (doc: SourceDocument) => paymentsOf(doc.payload, settings),
    /** Orders updated since the cursor (see poll.ts); `more` = call again with the returned cursor. */
    pollChanges: (args: { cursor: string | null; startDate: string }) => pollChanges(client, args, options.pageSize),
    /** History import: orders placed in a range of days (see list-history.ts). */
    listHistory: (args: { from: string; to: string; cursor: string | null }) => listHistory(client, args, options.pageSize),
    /** The nightly re-check: orders of the last `recheckMonths` months in a status to process, all of them. */
    recheckWindow: (args: { now?: Date } = {}) => recheckWindow(client, settings, args.now, options.pageSize),
    /** Webservice on, key accepted, View on every resource read. */
    testConnection: () => checkAccess(client),
  };
}

export type PrestaShopSource = ReturnType<typeof createPrestaShopSource>;

/** For connectors/registry.ts: `prestashop: prestashopSourceFactory`. */
export const prestashopSourceFactory = (ctx: ConnectorContext, settings: unknown): SourceConnector => createPrestaShopSource(ctx, settings);
