import { money, sum } from "@/lib/domain/money";
import { ConnectorError } from "../types";
import { credentialKey, referenceCache } from "../kit/reference-cache";
import type { Books, BookedInvoice, InvoiceOptions, LedgerInfo } from "./books";
import type { SalesEntry } from "./entry";
import { createRestClient, like, type RestClientOptions } from "./rest-client";
import { restInvoice, restPaymentMutation, restRelation, restSalesMutation, type RestIds } from "./rest-payloads";
import {
  administrationSchema, createdInvoiceSchema, createdRelationSchema, createdSchema, invoiceListItemSchema, ledgerSchema, mutationListItemSchema,
  mutationSchema, outstandingSchema, productSchema, relationListItemSchema, templateSchema,
} from "./rest-schemas";

const SALE = 2;
const PAYMENT_RECEIVED = 3;
const same = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The administration through the REST API. Codes and names become ids here: relations by
 * `?code=`, ledgers from one list per instance, templates by `?name=`.
 */
export function restBooks(opts: RestClientOptions): Books {
  const client = createRestClient(opts);
  // Ledger accounts and relation ids of this administration, shared by the process for minutes
  // (connectors/kit/reference-cache.ts); `withIds` reads them again when a post is refused.
  const administration = credentialKey(opts.base, opts.apiToken);
  const ledgersKey = `eboekhouden|ledgers|${administration}`;
  const relationKey = (code: string) => `eboekhouden|relation|${administration}|${code.trim().toLowerCase()}`;

  const loadLedgers = () => client.list("/ledger", ledgerSchema, "the ledger accounts");
  const ledgers = async () => (await referenceCache.get(ledgersKey, loadLedgers)).value;

  async function lookUpRelation(code: string): Promise<string> {
    const found = (await client.list("/relation", relationListItemSchema, "the relations", { code })).find((r) => same(r.code, code));
    if (!found) throw new ConnectorError("debtor_not_found", `The debtor with relation code "${code}" does not exist in e-Boekhouden (any more). Check the debtor, or the fixed debtor of the payment method, then click Process.`, false);
    return String(found.id);
  }
  const relationId = async (code: string) => (await referenceCache.get(relationKey(code), () => lookUpRelation(code))).value;

  async function ids(relationCode: string): Promise<RestIds & { fresh: boolean }> {
    const [relation, all] = await Promise.all([referenceCache.get(relationKey(relationCode), () => lookUpRelation(relationCode)), referenceCache.get(ledgersKey, loadLedgers)]);
    const byCode = new Map(all.value.map((l) => [l.code.trim().toLowerCase(), String(l.id)]));
    return {
      relationId: relation.value,
      fresh: relation.fresh && all.fresh,
      ledgerId: (code) => {
        const id = byCode.get(code.trim().toLowerCase());
        if (!id) throw new ConnectorError("ledger_not_found", `Ledger account ${code} does not exist in e-Boekhouden. Choose an existing account on the Configuration tab (VAT grid, cost, OSS and payment accounts).`, false);
        return id;
      },
    };
  }

  /**
   * Builds and posts with the cached ids; when that is refused in a way outdated ids could explain
   * (a ledger account or relation added, removed or re-created since), reads them again once and
   * posts again: a refused post created nothing. Other failures, and a fresh read, stand.
   */
  async function withIds<T>(relationCode: string, post: (ids: RestIds) => Promise<T>): Promise<T> {
    const first = await ids(relationCode);
    try {
      return await post(first);
    } catch (err) {
      if (first.fresh || !couldBeStaleIds(err)) throw err;
      referenceCache.drop(ledgersKey);
      referenceCache.drop(relationKey(relationCode));
      return post(await ids(relationCode));
    }
  }

  async function templateId(name: string): Promise<string> {
    const found = (await client.list("/invoicetemplate", templateSchema, "the invoice templates", { name })).find((t) => same(t.name, name));
    if (!found) throw new ConnectorError("template_not_found", `e-Boekhouden has no invoice template named "${name}". Enter the name of an existing invoice template on the Configuration tab.`, false);
    return String(found.id);
  }

  async function findInvoice(entry: SalesEntry, options: InvoiceOptions): Promise<BookedInvoice | null> {
    const relation = await relationId(entry.relationCode);
    const candidates = options.invoiceNumber
      ? (await client.list("/invoice", invoiceListItemSchema, "the invoices", { invoiceNumber: options.invoiceNumber })).filter((i) => same(i.invoiceNumber, options.invoiceNumber!))
      : (await client.list("/invoice", invoiceListItemSchema, "the invoices", { relationId: relation, date: entry.date })).filter((i) => same(i.reference, entry.salesNumber));
    const mine = candidates.find((i) => String(i.relationId ?? relation) === relation);
    if (options.invoiceNumber && candidates.length && !mine) {
      throw new ConnectorError("number_in_use", `Invoice number ${options.invoiceNumber} is already used in e-Boekhouden for another debtor. Make the invoice numbers unique (or let e-Boekhouden number the invoices), then click Process.`, false);
    }
    return mine ? { id: String(mine.id), number: mine.invoiceNumber ?? options.invoiceNumber ?? "" } : null;
  }

  return {
    api: "rest",

    async findRelationByEmail(email) {
      const found = await client.list("/relation", relationListItemSchema, "the relations", { email });
      return found.find((r) => r.code)?.code ?? null;
    },

    async relationCodesStartingWith(base) {
      const found = await client.list("/relation", relationListItemSchema, "the relations", { code: like(`${base}%`) });
      return found.map((r) => r.code).filter((c): c is string => !!c);
    },

    async createRelation(relation) {
      await client.post("/relation", restRelation(relation), createdRelationSchema, "relation");
    },

    async findArticle(code) {
      const found = await client.list("/product", productSchema, "the products", { code });
      return found.find((p) => same(p.code, code))?.code ?? null;
    },

    async findSales(salesNumber, relationCode) {
      const listed = (await client.list("/mutation", mutationListItemSchema, "the mutations", { invoiceNumber: salesNumber }))
        .filter((m) => m.type === SALE && same(m.invoiceNumber, salesNumber));
      if (!listed.length) return [];
      const relation = await relationId(relationCode).catch(() => undefined);
      return Promise.all(listed.map(async (m) => {
        const full = await client.get(`/mutation/${m.id}`, mutationSchema, "the mutation");
        const total = sum(full.rows.map((r) => money(r.amount)));
        return { id: String(m.id), ours: relation !== undefined && String(full.relationId ?? "") === relation, total };
      }));
    },

    async saleRelation(salesNumber) {
      const sale = (await client.list("/mutation", mutationListItemSchema, "the mutations", { invoiceNumber: salesNumber }))
        .find((m) => m.type === SALE && same(m.invoiceNumber, salesNumber));
      if (!sale) return null;
      const full = await client.get(`/mutation/${sale.id}`, mutationSchema, "the mutation");
      if (full.relationId === undefined || full.relationId === null) return null;
      const relation = await client.get(`/relation/${full.relationId}`, relationListItemSchema, "the relation");
      if (!relation.code) return null;
      // Known now: the payment mutation that follows need not look the code up again.
      await referenceCache.get(relationKey(relation.code), async () => String(relation.id));
      return relation.code;
    },

    async addSale(entry, debtorLedger) {
      const created = await withIds(entry.relationCode, (resolved) => client.post("/mutation", restSalesMutation(entry, resolved, debtorLedger), createdSchema, "mutation"));
      return String(created.id);
    },

    findInvoice,

    async addInvoice(entry, options) {
      const template = await templateId(options.template);
      const created = await withIds(entry.relationCode, (resolved) => {
        const payload = restInvoice(entry, resolved, {
          templateId: template,
          invoiceNumber: options.invoiceNumber,
          mutationLedger: options.withMutation ? options.debtorLedger : undefined,
        });
        return client.post("/invoice", payload, createdInvoiceSchema, "invoice");
      });
      return { id: String(created.id), number: created.invoiceNumber ?? options.invoiceNumber ?? "" };
    },

    async outstanding(invoiceNumber) {
      const items = await client.list("/mutation/invoice/outstanding", outstandingSchema, "the outstanding items", { credDeb: "D", invoiceNumber });
      const item = items.find((i) => same(i.invoiceNumber, invoiceNumber));
      if (!item) return null;
      return { invoiceNumber, relationCode: item.relationCode, total: item.totalAmount ? money(item.totalAmount) : undefined, outstanding: money(item.outstandingAmount ?? "0") };
    },

    async findPayments(invoiceNumber, entryNumber) {
      const listed = await client.list("/mutation", mutationListItemSchema, "the mutations", { invoiceNumber });
      return listed.filter((m) => m.type === PAYMENT_RECEIVED && (entryNumber === undefined || same(m.entryNumber, entryNumber))).map((m) => String(m.id));
    },

    async addPayment(payment) {
      const created = await withIds(payment.relationCode, (resolved) => client.post("/mutation", restPaymentMutation(payment, resolved), createdSchema, "mutation"));
      return String(created.id);
    },

    async administrations() {
      const list = await client.list("/administration", administrationSchema, "the administrations");
      return list.map((a) => ({ id: a.guid, name: a.company ?? a.guid }));
    },

    async ledgers(): Promise<LedgerInfo[]> {
      referenceCache.drop(ledgersKey); // the Configuration tab shows the administration as it is now
      return (await ledgers()).map((l) => ({ code: l.code, description: l.description ?? "", category: l.category ?? "" }));
    },

    async templates() {
      return (await client.list("/invoicetemplate", templateSchema, "the invoice templates")).filter((t) => t.active !== false).map((t) => t.name);
    },

    close: () => client.close(),
  };
}

/** Refusals outdated ledger or relation ids could explain; never a duplicate, a timeout or an answer we could not read. */
const couldBeStaleIds = (err: unknown) =>
  err instanceof ConnectorError && !err.retryable && ["ledger_not_found", "debtor_not_found", "rejected", "not_found"].includes(err.code);
