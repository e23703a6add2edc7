import { z } from "zod";
import { ConnectorError } from "../types";
import { factuursturenCredentialsSchema, type FactuursturenCredentials } from "./config";
import { apiError, unexpected, type Subject } from "./errors";
import { parseJson, send, type HttpResult, type Transport } from "./http";
import type { FactuursturenPayment } from "./payment";
import type { ClientPayload, InvoicePayload } from "./payloads";
import { clientSchema, invoiceSchema, profileSchema, savedInvoiceSchema, taxSchema, type Client, type Invoice, type Profile, type SavedInvoice, type Tax } from "./schemas";

export type FactuursturenClientOptions = Transport & {
  /** https://www.factuursturen.nl, or a sandbox tenant's base URL; the API is under /api/v1. */
  baseUrl: string;
  credentials: unknown;
};

type Call = { method: string; path: string; body?: unknown; subject: Subject };

/** The stored credentials, or a permanent error that tells the merchant to connect again. */
export function credentialsOf(value: unknown): FactuursturenCredentials {
  const parsed = factuursturenCredentialsSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConnectorError("unauthorized", `The Factuursturen connection is incomplete (${parsed.error.issues[0]?.message ?? "credentials missing"}). Connect Factuursturen again in the Configuration tab.`, false);
  }
  return parsed.data;
}

/**
 * Factuursturen API v1, HTTP only: Basic auth with username:apikey, JSON in and out, POST answers
 * 201 with the new number as plain text, errors as short text (see errors.ts). Every method is
 * one call, reported through onCall with the key redacted.
 */
export function createFactuursturenClient(opts: FactuursturenClientOptions) {
  const { username, apiKey } = credentialsOf(opts.credentials);
  const base = `${opts.baseUrl.replace(/\/+$/, "")}/api/v1`;
  const token = Buffer.from(`${username}:${apiKey}`, "utf8").toString("base64");

  async function call({ method, path, body, subject }: Call): Promise<HttpResult> {
    const res = await send(opts, {
      method,
      url: `${base}${path}`,
      headers: {
        Authorization: `Basic ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      secrets: [apiKey, token],
    });
    if (res.status < 200 || res.status >= 300) throw apiError(res, subject);
    return res;
  }

  /** A 200 with a JSON body of the given shape. */
  async function getJson<T extends z.ZodType>(path: string, schema: T, subject: Subject, whatAnswer: string): Promise<z.infer<T>> {
    const res = await call({ method: "GET", path, subject });
    const json = parseJson(res.text);
    if (!json.ok) throw unexpected(whatAnswer, res.text.trim() ? "not JSON" : "an empty body", res);
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw unexpected(whatAnswer, `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, res);
    }
    return parsed.data;
  }

  /** POST answers 201 with the new client or invoice number as plain text. */
  async function create(path: string, body: unknown, subject: Subject): Promise<string> {
    const res = await call({ method: "POST", path, body, subject });
    const id = res.text.trim().replace(/^"(.*)"$/, "$1");
    if (!/^[A-Za-z0-9-]{1,40}$/.test(id)) throw unexpected(`the new ${subject === "client" ? "customer" : subject}`, id ? `expected a number, got "${id.slice(0, 60)}"` : "no number in the answer", res);
    return id;
  }

  /** Search answers a list; "nothing found" may come back as 404 or as an empty list. */
  async function search<T extends z.ZodType>(resource: string, field: string, value: string, schema: T): Promise<z.infer<T>[]> {
    try {
      return await getJson(`/search/${resource}/${encodeURIComponent(field)}/${encodeURIComponent(value)}`, z.array(schema), "search", `the ${resource} search`);
    } catch (err) {
      if (err instanceof ConnectorError && err.code === "not_found") return [];
      throw err;
    }
  }

  return {
    listProfiles: (): Promise<Profile[]> => getJson("/profiles", z.array(profileSchema), "profiles", "the invoice layouts"),
    listTaxes: (): Promise<Tax[]> => getJson("/taxes", z.array(taxSchema), "taxes", "the VAT rates"),

    /** Customers whose email matches (Factuursturen may match partially: the caller compares exactly). */
    searchClientsByEmail: (email: string): Promise<Client[]> => search("clients", "email", email, clientSchema),
    getClient: async (clientnr: string): Promise<Client> =>
      (await getJson(`/clients/${encodeURIComponent(clientnr)}`, z.object({ client: clientSchema }), "client", "the customer")).client,
    createClient: (client: ClientPayload): Promise<string> => create("/clients", client, "client"),

    /** Invoices with `value` in any field (our reference is on a reference line). */
    searchInvoices: (value: string): Promise<Invoice[]> => search("invoices", "all", value, invoiceSchema),
    /** Every invoice (Factuursturen's list has no paging and no date filter; reconciliation filters by date). */
    listInvoices: (): Promise<Invoice[]> => getJson("/invoices", z.array(invoiceSchema), "invoice", "the invoice list"),
    getInvoice: async (id: string): Promise<Invoice> =>
      (await getJson(`/invoices/${encodeURIComponent(id)}`, z.object({ invoice: invoiceSchema }), "invoice", "the invoice")).invoice,
    createInvoice: (invoice: InvoicePayload): Promise<string> => create("/invoices", invoice, "invoice"),
    /** invoices_payment/{invoicenr} (payment.ts): any 2xx is success; its body is not read. */
    registerPayment: async (payment: FactuursturenPayment): Promise<void> => {
      await call({ method: "POST", path: `/invoices_payment/${encodeURIComponent(payment.invoicenr)}`, body: payment.body, subject: "invoice" });
    },
    /** Drafts saved with action "save" (not in the invoice search). */
    async listSavedInvoices(): Promise<SavedInvoice[]> {
      try {
        return await getJson("/invoices_saved", z.array(savedInvoiceSchema), "invoice", "the saved invoices");
      } catch (err) {
        if (err instanceof ConnectorError && err.code === "not_found") return []; // "nothing saved" may come back as 404
        throw err;
      }
    },
  };
}

export type FactuursturenClient = ReturnType<typeof createFactuursturenClient>;
