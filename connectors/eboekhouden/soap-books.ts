import { money, sum } from "@/lib/domain/money";
import { ConnectorError } from "../types";
import type { Books, BookedInvoice, InvoiceOptions } from "./books";
import type { SalesEntry } from "./entry";
import { createSoapClient, type SoapClientOptions } from "./soap-client";
import { soapInvoice, soapPaymentMutation, soapRelation, soapSalesMutation } from "./soap-payloads";
import { childrenNamed, elements, path, textOf, type XmlNode } from "./xml";

const same = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
const today = () => new Date().toISOString().slice(0, 10);
/** GetMutaties and GetFacturen want a date range; without one we ask for all time, as client libraries do. */
const ALL_TIME = { from: "1980-01-01T00:00:00", to: "2049-12-31T00:00:00" };

function required(node: XmlNode, name: string, what: string): string {
  const value = textOf(node, name);
  if (value === undefined || value === "") throw new ConnectorError("unexpected_response", `e-Boekhouden answered ${what} without ${name}.`, false);
  return value;
}

/** The administration through the legacy SOAP API: relations, ledgers and templates are named by code and name natively. */
export function soapBooks(opts: SoapClientOptions): Books {
  const client = createSoapClient(opts);

  const list = async (op: string, filter: [string, string | undefined][], ...where: string[]) => {
    const result = await client.call(op, filter.length ? elements([["cFilter", elements(filter)]]) : []);
    const container = path(result, ...where.slice(0, -1));
    return childrenNamed(container, where[where.length - 1]!);
  };
  const relations = (filter: [string, string | undefined][]) => list("GetRelaties", filter, "Relaties", "cRelatie");
  const mutations = (filter: [string, string | undefined][]) =>
    list("GetMutaties", [...filter, ["DatumVan", ALL_TIME.from], ["DatumTm", ALL_TIME.to]], "Mutaties", "cMutatieList");
  const rowsOf = (m: XmlNode) => childrenNamed(path(m, "MutatieRegels"), "cMutatieListRegel");

  async function findInvoice(entry: SalesEntry, options: InvoiceOptions): Promise<BookedInvoice | null> {
    if (options.invoiceNumber) {
      const found = await list("GetFacturen", [["Factuurnummer", options.invoiceNumber], ["DatumVan", ALL_TIME.from], ["DatumTm", ALL_TIME.to]], "Facturen", "cFactuurList");
      const invoice = found.find((f) => same(textOf(f, "Factuurnummer"), options.invoiceNumber!));
      if (!invoice) return null;
      if (!same(textOf(invoice, "Relatiecode"), entry.relationCode)) {
        throw new ConnectorError("number_in_use", `Invoice number ${options.invoiceNumber} is already used in e-Boekhouden for another debtor. Make the invoice numbers unique (or let e-Boekhouden number the invoices), then click Process.`, false);
      }
      return { id: options.invoiceNumber, number: options.invoiceNumber };
    }
    const day = `${entry.date}T00:00:00`;
    if (options.withMutation) {
      // The invoice's mutation carries our description ("ORD145 - mollie") and the number e-Boekhouden gave.
      const found = await list("GetMutaties", [["DatumVan", day], ["DatumTm", day]], "Mutaties", "cMutatieList");
      const candidates = found.filter((m) => textOf(m, "Soort") === "FactuurVerstuurd" && same(textOf(m, "RelatieCode"), entry.relationCode) && same(textOf(m, "Omschrijving"), entry.description));
      for (const m of candidates) {
        // Only a mutation that belongs to an invoice counts (a sale booked as a plain mutation has the same description).
        const number = textOf(m, "Factuurnummer");
        if (number && (await list("GetFacturen", [["Factuurnummer", number], ["DatumVan", day], ["DatumTm", day]], "Facturen", "cFactuurList")).length) return { id: number, number };
      }
      return null;
    }
    // Without a mutation, GetFacturen shows nothing of ours but the debtor, the day and the amounts.
    const found = await list("GetFacturen", [["Relatiecode", entry.relationCode], ["DatumVan", day], ["DatumTm", day]], "Facturen", "cFactuurList");
    const mine = found.find((f) => money(textOf(f, "TotaalInclBTW")).eq(entry.totals.incl) && money(textOf(f, "TotaalExclBTW")).eq(entry.totals.excl)
      && childrenNamed(path(f, "Regels"), "cFactuurRegel").length === entry.lines.length);
    const number = mine && textOf(mine, "Factuurnummer");
    return number ? { id: number, number } : null;
  }

  return {
    api: "soap",

    async findRelationByEmail(email) {
      const found = await relations([["Trefwoord", email]]);
      const match = found.find((r) => same(textOf(r, "Email"), email));
      return match ? required(match, "Code", "the relation") : null;
    },

    async relationCodesStartingWith(base) {
      const found = await relations([["Trefwoord", base]]);
      return found.map((r) => textOf(r, "Code") ?? "").filter((c) => c.toLowerCase().startsWith(base.toLowerCase()));
    },

    async createRelation(relation) {
      const result = await client.call("AddRelatie", elements([["oRel", soapRelation(relation, today())]]));
      required(result, "Rel_ID", "AddRelatie");
    },

    async findArticle(code) {
      const found = await list("GetArtikelen", [["ArtikelCode", code]], "Artikelen", "cArtikel");
      return found.map((a) => textOf(a, "ArtikelCode")).find((c) => same(c, code)) ?? null;
    },

    async findSales(salesNumber, relationCode) {
      const found = await mutations([["Factuurnummer", salesNumber]]);
      return found
        .filter((m) => textOf(m, "Soort") === "FactuurVerstuurd" && same(textOf(m, "Factuurnummer"), salesNumber))
        .map((m) => ({
          id: required(m, "MutatieNr", "the mutation"),
          ours: same(textOf(m, "RelatieCode"), relationCode),
          total: sum(rowsOf(m).map((r) => money(textOf(r, "BedragInclBTW")))),
        }));
    },

    async saleRelation(salesNumber) {
      const sale = (await mutations([["Factuurnummer", salesNumber]]))
        .find((m) => textOf(m, "Soort") === "FactuurVerstuurd" && same(textOf(m, "Factuurnummer"), salesNumber));
      return (sale && textOf(sale, "RelatieCode")) || null;
    },

    async addSale(entry, debtorLedger) {
      const result = await client.call("AddMutatie", elements([["oMut", soapSalesMutation(entry, debtorLedger)]]));
      return required(result, "Mutatienummer", "AddMutatie");
    },

    findInvoice,

    async addInvoice(entry, options) {
      const result = await client.call("AddFactuur", elements([["oFact", soapInvoice(entry, { template: options.template, invoiceNumber: options.invoiceNumber, postInAccounting: options.withMutation })]]));
      const number = required(result, "Factuurnummer", "AddFactuur");
      return { id: number, number };
    },

    async outstanding(invoiceNumber) {
      // GetOpenPosten has no filter: it lists every open debtor item (the manual's "technical limit").
      const items = childrenNamed(path(await client.call("GetOpenPosten", elements([["OpSoort", "Debiteuren"]])), "Openposten"), "cOpenPost");
      const item = items.find((i) => same(textOf(i, "MutFactuur"), invoiceNumber));
      if (!item) return null;
      return { invoiceNumber, relationCode: textOf(item, "RelCode"), total: money(textOf(item, "Bedrag")), outstanding: money(textOf(item, "Openstaand")) };
    },

    async findPayments(invoiceNumber, entryNumber) {
      const found = await mutations([["Factuurnummer", invoiceNumber]]);
      return found
        .filter((m) => textOf(m, "Soort") === "FactuurbetalingOntvangen" && (entryNumber === undefined || same(textOf(m, "Boekstuk"), entryNumber)))
        .map((m) => required(m, "MutatieNr", "the mutation"));
    },

    async addPayment(payment) {
      const result = await client.call("AddMutatie", elements([["oMut", soapPaymentMutation(payment)]]));
      return required(result, "Mutatienummer", "AddMutatie");
    },

    async administrations() {
      const items = childrenNamed(path(await client.call("GetAdministraties"), "Administraties"), "cAdministratie");
      return items.map((a) => ({ id: textOf(a, "Guid") ?? "", name: textOf(a, "Bedrijf") ?? textOf(a, "Guid") ?? "" }));
    },

    async ledgers() {
      const items = await list("GetGrootboekrekeningen", [["Code", undefined]], "Rekeningen", "cGrootboekrekening");
      return items.map((l) => ({ code: required(l, "Code", "the ledger"), description: textOf(l, "Omschrijving") ?? "", category: textOf(l, "Categorie") ?? "" }));
    },

    templates: async () => null,

    close: () => client.close(),
  };
}
