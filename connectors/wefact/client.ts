import { z } from "zod";
import { ConnectorError, type ConnectorContext } from "../types";
import { wefactCredentialsSchema } from "./config";
import { envelopeError, httpError, unexpected, type Subject } from "./errors";
import { encodeForm, type FormValue } from "./form";
import type { WefactPaymentCall } from "./payment";
import type { DebtorPayload, InvoicePayload, ProductPayload } from "./map";
import { debtorSchema, envelopeSchema, invoiceSchema, productSchema, settingsSchema, type Debtor, type Invoice, type Product, type Settings } from "./schemas";
import { post, type HttpResult, type Transport } from "./transport";

export type WefactClientOptions = Transport & {
  /** https://api.mijnwefact.nl, or a sandbox tenant's base URL; `/v2/` follows it. */
  baseUrl: string;
  apiKey: string;
};

type Params = Record<string, FormValue | undefined>;

const PAGE_SIZE = 1000; // WeFact's default and maximum
const MAX_PAGES = 50; // a runaway guard, far beyond any search we make

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function field<T extends z.ZodType>(body: Record<string, unknown>, key: string, schema: T, what: string, res: HttpResult): z.infer<T> {
  const parsed = schema.safeParse(body[key]);
  if (!parsed.success) throw unexpected(what, `${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`, res);
  return parsed.data;
}

/**
 * WeFact API v2, HTTP only: one endpoint, `api_key` + `controller` + `action` in a form-encoded
 * body, HTTP 200 with `status: "error"` for failures (mapped in errors.ts), offset/limit paging.
 * Every call is reported through onCall with the key redacted.
 */
export function createWefactClient(opts: WefactClientOptions) {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/v2/`;

  async function call(controller: string, action: string, params: Params, subject: Subject) {
    const body = encodeForm({ ...params, api_key: opts.apiKey, controller, action });
    const res = await post(opts, { url, body, secrets: [opts.apiKey] });
    if (res.status === 429 || res.status >= 500) throw httpError(res);
    const json = parseJson(res.text);
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      if (res.status !== 200 && res.status !== 403) throw httpError(res);
      const issue = json === undefined ? (/^\s*</.test(res.text) ? "an HTML page instead of JSON" : "malformed JSON") : "no status field";
      throw unexpected(`${controller}/${action}`, issue, res);
    }
    if (envelope.data.status === "error") {
      throw envelopeError((envelope.data.errors ?? []).map(String), res, subject);
    }
    return { body: json as Record<string, unknown>, res };
  }

  /** Walks offset/limit until `totalresults` rows are read; WeFact omits the rows key when there are none. */
  async function list<T extends z.ZodType>(controller: string, key: string, schema: T, params: Params, subject: Subject): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const { body, res } = await call(controller, "list", { ...params, offset: String(items.length), limit: String(PAGE_SIZE) }, subject);
      const rows = body[key] === undefined ? [] : field(body, key, z.array(schema), `the ${controller} list`, res);
      items.push(...rows);
      const matching = Number.parseInt(String(body.totalresults ?? ""), 10);
      if (rows.length === 0 || Number.isNaN(matching) || items.length >= matching) break;
    }
    return items;
  }

  const one = async <T extends z.ZodType>(controller: string, action: string, params: Params, key: string, schema: T, subject: Subject): Promise<z.infer<T>> => {
    const { body, res } = await call(controller, action, params, subject);
    return field(body, key, schema, `${controller}/${action}`, res);
  };

  return {
    /** VAT codes (Tax.Codes.Sale) and corporate identities (the invoice layouts); also the cheapest authenticated call. */
    settings: (): Promise<Settings> => one("settings", "list", {}, "settings", settingsSchema, "settings"),

    /** Exact email matching is the caller's business: WeFact's search is a substring search. */
    findDebtorsByEmail: (email: string): Promise<Debtor[]> => list("debtor", "debtors", debtorSchema, { searchat: "EmailAddress", searchfor: email }, "debtor"),
    addDebtor: (debtor: DebtorPayload): Promise<Debtor> => one("debtor", "add", debtor, "debtor", debtorSchema, "debtor"),

    findProductsByCode: (code: string): Promise<Product[]> => list("product", "products", productSchema, { searchat: "ProductCode", searchfor: code }, "product"),
    addProduct: (product: ProductPayload): Promise<Product> => one("product", "add", product, "product", productSchema, "product"),

    /** Substring search on one invoice field, newest first. */
    findInvoices: (searchat: string, searchfor: string): Promise<Invoice[]> =>
      list("invoice", "invoices", invoiceSchema, { searchat, searchfor, sort: "Identifier", order: "DESC" }, "invoice"),
    /**
     * One page of invoices, newest invoice date first (reconciliation walks back until it passes
     * the period's first day).
     */
    listInvoicesByDate: async (offset: number): Promise<{ rows: Invoice[]; total: number }> => {
      const { body, res } = await call("invoice", "list", { sort: "Date", order: "DESC", offset: String(offset), limit: String(PAGE_SIZE) }, "invoice");
      const rows = body.invoices === undefined ? [] : field(body, "invoices", z.array(invoiceSchema), "the invoice list", res);
      return { rows, total: Number.parseInt(String(body.totalresults ?? ""), 10) || 0 };
    },
    showInvoice: (identifier: string): Promise<Invoice> => one("invoice", "show", { Identifier: identifier }, "invoice", invoiceSchema, "invoice"),
    addInvoice: (invoice: InvoicePayload): Promise<Invoice> => one("invoice", "add", invoice, "invoice", invoiceSchema, "invoice"),
    /** Emails the invoice to the debtor; a draft gets its real number and status 2 (sent). */
    sendInvoiceByEmail: (identifier: string): Promise<Invoice> => one("invoice", "sendbyemail", { Identifier: identifier }, "invoice", invoiceSchema, "invoice"),
    /** invoice/credit: a credit invoice (status 8) for a sent invoice, which becomes status 9 (credited). */
    creditInvoice: (identifier: string): Promise<Invoice> => one("invoice", "credit", { Identifier: identifier }, "invoice", invoiceSchema, "invoice"),
    /** invoice/markaspaid or invoice/partpayment (payment.ts); what WeFact answers besides success is not read. */
    registerPayment: async (payment: WefactPaymentCall): Promise<void> => { await call("invoice", payment.action, payment.params, "invoice"); },
    /** invoice/delete: drafts only (WeFact refuses to delete a sent invoice; credit it instead). */
    deleteInvoice: async (identifier: string): Promise<void> => { await call("invoice", "delete", { Identifier: identifier }, "invoice"); },
  };
}

export type WefactClient = ReturnType<typeof createWefactClient>;

/** The client for a connection's stored credentials (`{ apiKey }`). */
export function clientFor(ctx: Pick<ConnectorContext<unknown>, "baseUrl" | "credentials" | "fetch" | "onCall" | "timeoutMs">): WefactClient {
  const credentials = wefactCredentialsSchema.safeParse(ctx.credentials);
  if (!credentials.success) throw new ConnectorError("not_connected", "No WeFact API key is stored for this integration. Enter it in the Configuration tab.", false);
  return createWefactClient({ baseUrl: ctx.baseUrl, apiKey: credentials.data.apiKey, fetch: ctx.fetch, onCall: ctx.onCall, timeoutMs: ctx.timeoutMs });
}
