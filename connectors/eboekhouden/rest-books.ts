import { money, sum } from "@/lib/domain/money";
import { ConnectorError } from "../types";
import type { Books, BookedInvoice, InvoiceOptions, LedgerInfo } from "./books";
import type { SalesEntry } from "./entry";
import { createRestClient, like, type RestClientOptions } from "./rest-client";
import { restInvoice, restPaymentMutation, restRelation, restSalesMutation, type RestIds } from "./rest-payloads";
import {
  administrationSchema, createdInvoiceSchema, createdRelationSchema, createdSchema, invoiceListItemSchema, ledgerSchema, mutationListItemSchema,
  mutationSchema, outstandingSchema, productSchema, relationListItemSchema, templateSchema, type Ledger,
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
  let ledgerList: Promise<Ledger[]> | undefined;
  const relationIds = new Map<string, string>();

  const ledgers = () => (ledgerList ??= client.list("/ledger", ledgerSchema, "the ledger accounts").catch((err: unknown) => { ledgerList = undefined; throw err; }));

  async function relationId(code: string): Promise<string> {
    const known = relationIds.get(code.toLowerCase());
    if (known) return known;
    const found = (await client.list("/relation", relationListItemSchema, "the relations", { code })).find((r) => same(r.code, code));
    if (!found) throw new ConnectorError("debtor_not_found", `The debtor with relation code "${code}" does not exist in e-Boekhouden (any more). Check the debtor, or the fixed debtor of the payment method, then click Process.`, false);
    relationIds.set(code.toLowerCase(), String(found.id));
    return String(found.id);
  }

  async function ids(relationCode: string): Promise<RestIds> {
    const [relation, all] = await Promise.all([relationId(relationCode), ledgers()]);
    const byCode = new Map(all.map((l) => [l.code.trim().toLowerCase(), String(l.id)]));
    return {
      relationId: relation,
      ledgerId: (code) => {
        const id = byCode.get(code.trim().toLowerCase());
        if (!id) throw new ConnectorError("ledger_not_found", `Ledger account ${code} does not exist in e-Boekhouden. Choose an existing account on the Configuration tab (VAT grid, cost, OSS and payment accounts).`, false);
        return id;
      },
    };
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
      relationIds.set(relation.code.toLowerCase(), String(relation.id));
      return relation.code;
    },

    async addSale(entry, debtorLedger) {
      const created = await client.post("/mutation", restSalesMutation(entry, await ids(entry.relationCode), debtorLedger), createdSchema, "mutation");
      return String(created.id);
    },

    findInvoice,

    async addInvoice(entry, options) {
      const [resolved, template] = await Promise.all([ids(entry.relationCode), templateId(options.template)]);
      const payload = restInvoice(entry, resolved, {
        templateId: template,
        invoiceNumber: options.invoiceNumber,
        mutationLedger: options.withMutation ? options.debtorLedger : undefined,
      });
      const created = await client.post("/invoice", payload, createdInvoiceSchema, "invoice");
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
      const created = await client.post("/mutation", restPaymentMutation(payment, await ids(payment.relationCode)), createdSchema, "mutation");
      return String(created.id);
    },

    async administrations() {
      const list = await client.list("/administration", administrationSchema, "the administrations");
      return list.map((a) => ({ id: a.guid, name: a.company ?? a.guid }));
    },

    async ledgers(): Promise<LedgerInfo[]> {
      return (await ledgers()).map((l) => ({ code: l.code, description: l.description ?? "", category: l.category ?? "" }));
    },

    async templates() {
      return (await client.list("/invoicetemplate", templateSchema, "the invoice templates")).filter((t) => t.active !== false).map((t) => t.name);
    },

    close: () => client.close(),
  };
}


