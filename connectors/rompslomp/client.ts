import { z } from "zod";
import { apiError, unexpected, type Subject } from "./errors";
import {
  accountSchema, companySchema, contactSchema, meSchema, productSchema, salesInvoiceSchema, templateSchema, vatTypeSchema,
  type Account, type Company, type Contact, type Me, type Product, type SalesInvoice, type Template, type VatType,
} from "./schemas";
import { parseJson, send, type Transport } from "./transport";
import type { ContactPayload, PaymentPayload, ProductPayload, SalesInvoicePayload } from "./map";

export type RompslompClientOptions = Transport & {
  /** https://api.rompslomp.nl, or a sandbox tenant's base URL. */
  baseUrl: string;
  /** The current access token (read on every call, so a refresh in between is picked up). */
  token: () => string;
};

type Query = Record<string, string | number | string[] | undefined>;
type Call = { method: string; path: string; query?: Query; body?: unknown; subject?: Subject };

const PER_PAGE = 100; // the API's maximum
const MAX_PAGES = 200; // a runaway guard, far beyond any administration we serve

/** `search[product_codes][]` style arrays become repeated keys, as Rails expects. */
function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function field<T extends z.ZodType>(body: unknown, key: string, schema: T, what: string): z.infer<T> {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unexpected(what, `${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/**
 * Rompslomp REST API v1, HTTP only: Bearer auth, paging with X-Total, errors mapped to
 * ConnectorError (see errors.ts). Every method is one or more calls, each reported via onCall.
 */
export function createRompslompClient(opts: RompslompClientOptions) {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}/api/v1`;

  async function call({ method, path, query, body, subject = "request" }: Call) {
    const token = opts.token();
    const res = await send(opts, {
      method,
      url: `${base}${path}${queryString(query)}`,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      secrets: [token],
    });
    if (res.status < 200 || res.status >= 300) throw apiError(res, subject);
    return { body: parseJson(res.text), headers: res.headers };
  }

  /** Walks `page` until X-Total items are read (or a short page says there are no more). */
  async function listAll<T extends z.ZodType>(path: string, key: string, schema: T, query: Query = {}): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { body, headers } = await call({ method: "GET", path, query: { ...query, page, per_page: PER_PAGE } });
      const batch = field(body, key, z.array(schema), `the list of ${key}`);
      items.push(...batch);
      const total = Number(headers.get("x-total") ?? NaN);
      if (batch.length < PER_PAGE || (Number.isFinite(total) && items.length >= total)) break;
    }
    return items;
  }

  const company = (companyId: string) => `/companies/${encodeURIComponent(companyId)}`;

  return {
    me: async (): Promise<Me> => field((await call({ method: "GET", path: "/me" })).body, "user", meSchema, "the user"),

    listCompanies: (): Promise<Company[]> => listAll("/companies", "companies", companySchema),

    getCompany: async (companyId: string): Promise<Company> =>
      field((await call({ method: "GET", path: company(companyId) })).body, "company", companySchema, "the administration"),

    listVatTypes: (companyId: string): Promise<VatType[]> => listAll(`${company(companyId)}/vat_types`, "vat_types", vatTypeSchema),

    /** selection: all | ledger | payment | revenue | costs */
    listAccounts: (companyId: string, selection = "all"): Promise<Account[]> =>
      listAll(`${company(companyId)}/accounts`, "accounts", accountSchema, { selection }),

    listTemplates: (companyId: string): Promise<Template[]> => listAll(`${company(companyId)}/templates`, "templates", templateSchema),

    /** Exact match on the contact person's email address (the manual's debtor matching). */
    findContactsByEmail: (companyId: string, email: string): Promise<Contact[]> =>
      listAll(`${company(companyId)}/contacts`, "contacts", contactSchema, { selection: "customers", "search[contact_person_email_address]": email }),

    createContact: async (companyId: string, contact: ContactPayload): Promise<Contact> =>
      field((await call({ method: "POST", path: `${company(companyId)}/contacts`, body: { contact }, subject: "contact" })).body, "contact", contactSchema, "the new contact"),

    findProductsByCode: (companyId: string, code: string): Promise<Product[]> =>
      listAll(`${company(companyId)}/products`, "products", productSchema, { "search[product_codes][]": [code] }),

    createProduct: async (companyId: string, product: ProductPayload): Promise<Product> =>
      field((await call({ method: "POST", path: `${company(companyId)}/products`, body: { product }, subject: "product" })).body, "product", productSchema, "the new product"),

    createSalesInvoice: async (companyId: string, invoice: SalesInvoicePayload): Promise<SalesInvoice> =>
      field((await call({ method: "POST", path: `${company(companyId)}/sales_invoices`, body: { sales_invoice: invoice }, subject: "invoice" })).body, "sales_invoice", salesInvoiceSchema, "the new invoice"),

    /** Our idempotency key: `api_reference` is unique per company and searchable (reference §1.5). */
    findSalesInvoicesByReference: (companyId: string, reference: string): Promise<SalesInvoice[]> =>
      listAll(`${company(companyId)}/sales_invoices`, "sales_invoices", salesInvoiceSchema, { selection: "all", "search[api_reference]": reference }),

    /** Every sales invoice dated in [from, till] (reconciliation), all pages. */
    listSalesInvoices: (companyId: string, from: string, till: string): Promise<SalesInvoice[]> =>
      listAll(`${company(companyId)}/sales_invoices`, "sales_invoices", salesInvoiceSchema, { selection: "all", "search[from]": from, "search[till]": till }),

    getSalesInvoice: async (companyId: string, invoiceId: string): Promise<SalesInvoice> =>
      field((await call({ method: "GET", path: `${company(companyId)}/sales_invoices/${encodeURIComponent(invoiceId)}`, subject: "invoice" })).body, "sales_invoice", salesInvoiceSchema, "the invoice"),

    /** DELETE (204): Rompslomp deletes concept invoices only; a published one is refused with a validation error. */
    deleteSalesInvoice: async (companyId: string, invoiceId: string): Promise<void> => {
      await call({ method: "DELETE", path: `${company(companyId)}/sales_invoices/${encodeURIComponent(invoiceId)}`, subject: "invoice" });
    },

    /** A payment on an invoice is created through the invoice's `payments[]` (create-only), per the reference. */
    addSalesInvoicePayment: async (companyId: string, invoiceId: string, payment: PaymentPayload): Promise<SalesInvoice> =>
      field(
        (await call({ method: "PATCH", path: `${company(companyId)}/sales_invoices/${encodeURIComponent(invoiceId)}`, body: { sales_invoice: { payments: [payment] } }, subject: "payment" })).body,
        "sales_invoice", salesInvoiceSchema, "the paid invoice",
      ),
  };
}

export type RompslompClient = ReturnType<typeof createRompslompClient>;
