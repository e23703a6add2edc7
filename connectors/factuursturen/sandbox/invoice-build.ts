import type Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { referenceParam, type Built } from "./client-build";
import { addDays, boolParam, decimalParam, isIsoDate, money2, round2, stringParam, today, unknownFields } from "./http";
import type { ClientJson, FactuursturenState, HistoryJson, InvoiceJson, InvoiceLineJson, Reference, StoredDraftJson, TaxSumJson } from "./state";
import { jsonNumber } from "../../sandbox/kit/json-number";

const INVOICE_FIELDS = [
  "clientnr", "action", "sendmethod", "savename", "overwrite_if_exist", "convert_prices_to_euro", "alreadypaid", "alreadypaidmethod",
  "profile", "reference", "discount", "discounttype", "paymentperiod", "invoicenote", "category", "tax_type", "tax_shifted", "lines",
  "initialdate", "finalsenddate", "frequency", "repeattype", "sent", "invoicenr",
] as const;
const LINE_FIELDS = ["amount", "amount_desc", "description", "tax_rate", "price", "discount_pct"] as const;

type Line = { amount: Decimal; description: string; amountDesc: string; rate: Decimal; price: Decimal; discountPct: Decimal; total: Decimal };

/** What a POST /invoices asks for, validated and computed. */
export type InvoiceRequest =
  | { action: "send"; invoice: InvoiceJson; sendmethod: string; paid?: { amount: string; method: string } }
  | { action: "save" | "repeat"; draft: StoredDraftJson; overwrite: boolean };

function readLines(value: unknown, state: FactuursturenState): Built<Line[]> {
  const entries = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value as Record<string, unknown>) : undefined;
  if (!entries || entries.length === 0) return { ok: false, message: "Een factuur heeft minimaal één factuurregel nodig (lines)" };
  const allowed = state.taxes.map((t) => new D(t.percentage));
  const lines: Line[] = [];
  for (const [i, raw] of entries.entries()) {
    const n = i + 1;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, message: `Factuurregel ${n} is ongeldig` };
    const line = raw as Record<string, unknown>;
    const extra = unknownFields(line, LINE_FIELDS);
    if (extra.length) return { ok: false, message: `Onbekend veld in factuurregel ${n}: ${extra.join(", ")}` };
    const amount = line.amount === undefined ? new D(1) : decimalParam(line.amount);
    if (!amount) return { ok: false, message: `Factuurregel ${n}: ongeldig aantal (amount)` };
    const price = decimalParam(line.price);
    if (!price) return { ok: false, message: `Factuurregel ${n}: ongeldige prijs (price)` };
    const rate = decimalParam(line.tax_rate);
    if (!rate) return { ok: false, message: `Factuurregel ${n}: ongeldig btw-percentage (tax_rate)` };
    if (!allowed.some((a) => a.eq(rate))) {
      return { ok: false, message: `Factuurregel ${n}: btw-percentage ${rate.toFixed()}% is niet ingesteld in uw account (ingesteld: ${allowed.map((a) => `${a.toFixed()}%`).join(", ")})` };
    }
    const discountPct = line.discount_pct === undefined || line.discount_pct === "" ? new D(0) : decimalParam(line.discount_pct);
    if (!discountPct || discountPct.lt(0) || discountPct.gt(100)) return { ok: false, message: `Factuurregel ${n}: ongeldige korting (discount_pct)` };
    const description = stringParam(line.description) ?? "";
    lines.push({ amount, price, rate, discountPct, description, amountDesc: stringParam(line.amount_desc) ?? "", total: round2(amount.times(price).times(new D(100).minus(discountPct)).div(100)) });
  }
  return { ok: true, value: lines };
}

/**
 * VAT per rate over the sum of that rate's lines, rounded half-up to cents [assumption: the API
 * does not say; this is how Dutch invoicing software usually computes it]. `intax`: the lines are
 * prices incl. VAT and the VAT is taken out of their sum; `extax`: added on top.
 */
export function totals(lines: Line[], taxType: "intax" | "extax", shifted: boolean) {
  const groups = new Map<string, { rate: Decimal; sum: Decimal }>();
  for (const line of lines) {
    const key = line.rate.toFixed();
    const group = groups.get(key) ?? { rate: line.rate, sum: new D(0) };
    group.sum = group.sum.plus(line.total);
    groups.set(key, group);
  }
  const taxes: Record<string, TaxSumJson> = {};
  let incl = new D(0);
  let vat = new D(0);
  [...groups.values()].forEach((g, i) => {
    const rate = shifted ? new D(0) : g.rate;
    const tax = taxType === "intax" ? round2(g.sum.times(rate).div(rate.plus(100))) : round2(g.sum.times(rate).div(100));
    const excl = taxType === "intax" ? g.sum.minus(tax) : g.sum;
    taxes[`tax${i + 1}`] = { rate: jsonNumber(g.rate), sum: money2(tax), sum_of: money2(excl) };
    incl = incl.plus(excl).plus(tax);
    vat = vat.plus(tax);
  });
  return { taxes, incl: round2(incl), vat: round2(vat) };
}

const lineJson = (lines: Line[]): Record<string, InvoiceLineJson> =>
  Object.fromEntries(
    lines.map((l, i) => [`line${i + 1}`, {
      amount: jsonNumber(l.amount), amount_desc: l.amountDesc, description: l.description, tax_rate: jsonNumber(l.rate),
      price: jsonNumber(l.price), discount_pct: jsonNumber(l.discountPct), linetotal: jsonNumber(l.total, 2),
    }]),
  );

const time = () => new Date().toISOString().slice(11, 16);

function nextInvoiceNumber(state: FactuursturenState, date: string): { id: string; invoicenr: string } {
  const year = date.slice(0, 4);
  const seq = (state.counters.invoice[year] ?? 0) + 1;
  state.counters.invoice[year] = seq;
  const id = `${year}${String(seq).padStart(4, "0")}`;
  return { id, invoicenr: `F${id}` };
}

/** POST /invoices: validation with Factuursturen's (Dutch) messages, then the invoice as it would be stored. */
export function buildInvoice(body: Record<string, unknown>, state: FactuursturenState): Built<InvoiceRequest> {
  const extra = unknownFields(body, INVOICE_FIELDS);
  if (extra.length) return { ok: false, message: `Onbekend veld: ${extra.join(", ")}` };

  const clientnr = stringParam(body.clientnr)?.trim();
  if (!clientnr) return { ok: false, message: "clientnr is verplicht" };
  const client = state.clients.find((c) => c.clientnr === clientnr);
  if (!client) return { ok: false, message: `Klant met klantnummer ${clientnr} bestaat niet` };

  const action = stringParam(body.action)?.trim().toLowerCase();
  if (action !== "send" && action !== "save" && action !== "repeat") return { ok: false, message: "action is verplicht: send, save of repeat" };
  const sendmethod = stringParam(body.sendmethod)?.trim().toLowerCase() ?? "";
  if (action === "send" && !["mail", "email", "printcenter"].includes(sendmethod)) return { ok: false, message: "sendmethod is verplicht bij action send: mail, email of printcenter" };
  if (action === "send" && sendmethod === "email" && !client.email) return { ok: false, message: `Klant ${clientnr} heeft geen e-mailadres; de factuur kan niet per e-mail worden verstuurd` };

  const profile = body.profile === undefined || body.profile === "" ? state.profiles.find((p) => p.default === "true")?.id ?? "" : stringParam(body.profile) ?? "";
  if (!state.profiles.some((p) => p.id === profile)) return { ok: false, message: `Profiel ${String(body.profile)} bestaat niet` };

  if (body.sent !== undefined && !isIsoDate(body.sent)) return { ok: false, message: `Ongeldige datum (sent): ${String(body.sent)}; gebruik JJJJ-MM-DD` };
  const sent = (body.sent as string | undefined) ?? today();

  const reference = referenceParam(body.reference);
  if (typeof reference === "string") return { ok: false, message: reference };

  const lines = readLines(body.lines, state);
  if (!lines.ok) return lines;

  const taxType = body.tax_type === undefined ? (client.tax_type as "intax" | "extax") : stringParam(body.tax_type);
  if (taxType !== "intax" && taxType !== "extax") return { ok: false, message: "Ongeldige waarde voor tax_type (intax of extax)" };
  const shiftedFlag = body.tax_shifted === undefined ? client.tax_shifted === "true" : boolParam(body.tax_shifted);
  if (shiftedFlag === undefined) return { ok: false, message: "Ongeldige waarde voor tax_shifted" };

  const discount = body.discount === undefined || body.discount === "" ? new D(0) : decimalParam(body.discount);
  if (!discount || !discount.isZero()) return { ok: false, message: "Korting op factuurniveau wordt in de sandbox niet ondersteund; gebruik discount_pct per regel" };

  const period = body.paymentperiod === undefined ? client.top : stringParam(body.paymentperiod) ?? "";
  if (!/^\d{1,3}$/.test(period)) return { ok: false, message: "Ongeldige betalingstermijn (paymentperiod)" };

  const sums = totals(lines.value, taxType, shiftedFlag);

  if (action !== "send") {
    const savename = stringParam(body.savename)?.trim() ?? "";
    if (!savename) return { ok: false, message: "savename is verplicht bij action save of repeat" };
    if (savename.length > 20) return { ok: false, message: "savename mag maximaal 20 tekens zijn" };
    const overwrite = boolParam(body.overwrite_if_exist) ?? false;
    return {
      ok: true,
      value: { action, overwrite, draft: { id: "", savename, clientnr, profile, totalintax: money2(sums.incl), datesaved: today(), lines: lineJson(lines.value), reference } },
    };
  }

  const paid = paidAmount(body.alreadypaid, sums.incl);
  if (typeof paid === "string") return { ok: false, message: paid };
  const method = stringParam(body.alreadypaidmethod) ?? "";
  if (method.length > 32) return { ok: false, message: "alreadypaidmethod mag maximaal 32 tekens zijn" };

  const number = nextInvoiceNumber(state, sent);
  const invoice = invoiceJson({ number, client, profile, reference, lines: lines.value, sums, sent, period, paid, sendmethod, invoicenote: stringParam(body.invoicenote) ?? "" });
  return { ok: true, value: { action: "send", invoice, sendmethod, ...(paid.isZero() ? {} : { paid: { amount: money2(paid), method } }) } };
}

function paidAmount(value: unknown, total: Decimal): Decimal | string {
  if (value === undefined || value === null || value === "") return new D(0);
  if (value === "full") return total;
  const amount = decimalParam(value);
  return amount ?? `Ongeldige waarde voor alreadypaid: ${String(value)} (een bedrag of "full")`;
}

function invoiceJson(a: {
  number: { id: string; invoicenr: string }; client: ClientJson; profile: string; reference: Reference; lines: Line[];
  sums: ReturnType<typeof totals>; sent: string; period: string; paid: Decimal; sendmethod: string; invoicenote: string;
}): InvoiceJson {
  const history: Record<string, HistoryJson> = {
    item1: { date: a.sent, time: time(), description: a.sendmethod === "email" ? `Factuur verstuurd per e-mail naar ${a.client.email}` : a.sendmethod === "printcenter" ? "Factuur verstuurd via het printcenter" : "Factuur aangemaakt (zelf versturen)" },
  };
  if (!a.paid.isZero()) history.item2 = { date: a.sent, time: time(), description: `Betaling van ${money2(a.paid)} geregistreerd` };
  const open = a.sums.incl.minus(a.paid);
  return {
    id: a.number.id, invoicenr_full: a.number.invoicenr, invoicenr: a.number.invoicenr, reference: a.reference, lines: lineJson(a.lines),
    profile: a.profile, discounttype: "percentage", discount: "0",
    paymentcondition: "Betalingsconditie: betaling binnen %PAYMENT_PERIOD% dagen o.v.v. het factuur- en klantnummer", paymentperiod: a.period,
    collection: "0", tax: money2(a.sums.vat), totalintax: money2(a.sums.incl), clientnr: a.client.clientnr, company: a.client.company,
    contact: a.client.contact, address: a.client.address, zipcode: a.client.zipcode, city: a.client.city, country: a.client.country,
    phone: a.client.phone, mobile: a.client.mobile, email: a.client.email, taxnumber: a.client.taxnumber, invoicenote: a.invoicenote,
    sent: a.sent, uncollectible: "", lastreminder: "", open: money2(open), paiddate: a.paid.isZero() ? "" : a.sent, taxes: a.sums.taxes,
    payment_url: `https://www.factuursturen.nl/pay?invoice=${a.number.invoicenr}`, duedate: addDays(a.sent, Number(a.period)), history,
  };
}
