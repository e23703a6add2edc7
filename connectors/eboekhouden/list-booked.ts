import { ConnectorError, type BookedTargetDocument, type ConnectorContext } from "../types";
import { parseCredentials } from "./books-for";
import { endpoints, type EboekhoudenSettings } from "./config";
import { createRestClient } from "./rest-client";
import { invoiceListItemSchema, mutationListItemSchema } from "./rest-schemas";

const SALE = 2;

const dayOf = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : undefined);

/**
 * Reconciliation read-back through the REST API: the sales mutations ("invoice sent", type 2) or,
 * when the integration books invoices, the invoices dated in the range (`date[range]`, paged by
 * limit/offset). Documents are matched by the id the booking stored; the number is the sales
 * number. The legacy SOAP connection cannot be checked (its mutation list stops at 500).
 */
export async function listBookedSales(
  ctx: Pick<ConnectorContext<unknown>, "baseUrl" | "credentials" | "fetch" | "onCall" | "timeoutMs">,
  settings: Pick<EboekhoudenSettings, "bookAs">,
  range: { from: string; to: string },
): Promise<BookedTargetDocument[]> {
  const credentials = parseCredentials(ctx.credentials);
  if (credentials.mode !== "token") {
    throw new ConnectorError("not_supported", "The legacy e-Boekhouden connection (username and security codes) cannot list its bookings for a check. Connect with an API token on the Configuration tab.", false);
  }
  const client = createRestClient({ fetch: ctx.fetch, onCall: ctx.onCall, timeoutMs: ctx.timeoutMs, base: endpoints(ctx.baseUrl).rest, apiToken: credentials.apiToken });
  const date = { op: "range", value: `${range.from},${range.to}` };
  try {
    if (settings.bookAs === "invoices") {
      const invoices = await client.list("/invoice", invoiceListItemSchema, "the invoices", { date });
      return invoices.map((i) => ({
        id: String(i.id), number: i.invoiceNumber, ...(dayOf(i.date) ? { date: dayOf(i.date) } : {}), ...(i.totalAmount !== undefined ? { totalIncl: i.totalAmount } : {}),
      }));
    }
    const mutations = await client.list("/mutation", mutationListItemSchema, "the mutations", { type: SALE, date });
    return mutations.filter((m) => m.type === SALE).map((m) => ({
      id: String(m.id), ...(m.invoiceNumber ? { number: m.invoiceNumber } : {}), ...(dayOf(m.date) ? { date: dayOf(m.date) } : {}), ...(m.amount !== undefined ? { totalIncl: m.amount } : {}),
    }));
  } finally {
    await client.close().catch(() => undefined);
  }
}
