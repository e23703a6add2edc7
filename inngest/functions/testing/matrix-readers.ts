import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import type { MutationJson } from "@/connectors/eboekhouden/sandbox/state";
import type { InvoiceJson as FactuursturenInvoice } from "@/connectors/factuursturen/sandbox/state";
import type { SalesInvoiceJson as RompslompInvoice } from "@/connectors/rompslomp/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { InvoiceJson as WefactInvoice } from "@/connectors/wefact/sandbox/state";
import { D, type Dec } from "@/lib/domain/money";

/**
 * The accounting side of the source × target matrix: what a target sandbox's `_admin/state`
 * holds for one of our documents, to the cent. `count` is how many bookings carry the document's
 * identity, `inBooks` how many sales bookings the administration holds at all, `vatPerRate` maps
 * a VAT percentage ("21", "9") to the VAT booked at it.
 */
export type Booked = { count: number; inBooks: number; incl: string | null; vatPerRate: Record<string, string> };

/** How the target recognises the booking: our reference `<LICENSEKEY>-<kind>-<sourceId>`, or (e-Boekhouden) the sales number. */
export type BookingIdentity = { reference: string; salesNumber: string };

export type MatrixTarget = "rompslomp" | "eboekhouden" | "wefact" | "factuursturen";

const stateOf = async <T>(books: string): Promise<T> => (await (await inProcessSandboxFetch(`${books}/state`)).json()) as T;

/** Sums amounts per VAT percentage, as two-decimal strings. */
function perRate(entries: [rate: Dec, vat: Dec][]): Record<string, string> {
  const out = new Map<string, Dec>();
  for (const [rate, vat] of entries) out.set(rate.toFixed(), (out.get(rate.toFixed()) ?? new D(0)).plus(vat));
  return Object.fromEntries([...out].map(([rate, vat]) => [rate, vat.toFixed(2)]));
}

function result<T>(matches: T[], inBooks: number, read: (booking: T) => Omit<Booked, "count" | "inBooks">): Booked {
  return { count: matches.length, inBooks, ...(matches.length === 1 ? read(matches[0]!) : { incl: null, vatPerRate: {} }) };
}

/** Rompslomp: the sales invoice whose api_reference is ours; VAT per line at a fractional rate ("0.21"). */
async function rompslomp(books: string, id: BookingIdentity): Promise<Booked> {
  const { invoices } = await stateOf<{ invoices: RompslompInvoice[] }>(books);
  return result(invoices.filter((i) => i.api_reference === id.reference), invoices.length, (i) => ({
    incl: new D(i.price_with_vat).toFixed(2),
    vatPerRate: perRate(i.invoice_lines.map((l) => [new D(l.vat_rate).times(100), new D(l.vat_amount)])),
  }));
}

/** e-Boekhouden rate per VAT code, from the demo grid's Dutch rows (HOOG_VERK_21 → 21, LAAG_VERK_9 → 9). */
const eboekhoudenRates = new Map(eboekhoudenDemoTarget("any").vatGrid.filter((g) => g.region === "NL").map((g) => [g.vatCode, new D(g.rate)]));

/**
 * e-Boekhouden: a sales mutation (type 2) keeps no reference of ours; the connector finds its
 * booking by the sales number (findSales: the order number, for credits the invoice number).
 */
async function eboekhouden(books: string, id: BookingIdentity): Promise<Booked> {
  const sales = (await stateOf<{ mutations: MutationJson[] }>(books)).mutations.filter((m) => m.type === 2);
  return result(sales.filter((m) => m.invoiceNumber === id.salesNumber), sales.length, (m) => {
    const rowIncl = (r: MutationJson["rows"][number]) => (m.inExVat === "IN" ? new D(String(r.amount)) : new D(String(r.amount)).plus(String(r.vatAmount)));
    return {
      incl: m.rows.reduce((s, r) => s.plus(rowIncl(r)), new D(0)).toFixed(2),
      vatPerRate: perRate(m.rows.map((r) => {
        const rate = eboekhoudenRates.get(r.vatCode);
        if (!rate) throw new Error(`e-Boekhouden row with VAT code ${r.vatCode}, not in the demo grid`);
        return [rate, new D(String(r.vatAmount))];
      })),
    };
  });
}

/** WeFact: the invoice whose Comment carries `[ref:<reference>]`; VAT per rate as WeFact totals it. */
async function wefact(books: string, id: BookingIdentity): Promise<Booked> {
  const { invoices } = await stateOf<{ invoices: WefactInvoice[] }>(books);
  return result(invoices.filter((i) => i.Comment.includes(`[ref:${id.reference}]`)), invoices.length, (i) => ({
    incl: new D(i.AmountIncl).toFixed(2),
    vatPerRate: perRate(i.SandboxVatPerRate.map((r) => [new D(r.TaxPercentage), new D(r.AmountTax)])),
  }));
}

/** Factuursturen: the invoice whose third reference line is ours; VAT per rate from its tax totals. */
async function factuursturen(books: string, id: BookingIdentity): Promise<Booked> {
  const { invoices } = await stateOf<{ invoices: FactuursturenInvoice[] }>(books);
  return result(invoices.filter((i) => i.reference.line3 === id.reference), invoices.length, (i) => ({
    incl: new D(i.totalintax).toFixed(2),
    vatPerRate: perRate(Object.values(i.taxes).map((x) => [new D(String(x.rate)), new D(x.sum)])),
  }));
}

export const matrixReaders: Record<MatrixTarget, (books: string, id: BookingIdentity) => Promise<Booked>> = { rompslomp, eboekhouden, wefact, factuursturen };
