import Decimal from "decimal.js";
import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { D } from "@/lib/domain/money";
import { PRICE_DECIMALS } from "../../pricing";
import { invoiceTotals, type PricedLine } from "../amounts";
import { addDays, decimalParam, failure, isIsoDate, listed, success, textParam, unknownParams, type Call } from "../http";
import { nowText, type InvoiceJson, type InvoiceLineJson, type WefactState } from "../state";
import { percentageOf } from "../../vat-codes";
import { findDebtor } from "./debtor";
import { registerInvoicePayment } from "./invoice-payment";
import { findProduct } from "./product";

/** `invoice/add` parameters per the reference; anything else is refused (strict on purpose). */
const FIELDS = [
  "Debtor", "DebtorCode", "ExtraClientContactId", "Date", "Term", "Description", "Comment", "ReferenceNumber", "Discount", "IgnoreDiscount",
  "VatCalcMethod", "InvoiceCode", "Status", "SubStatus", "InvoiceMethod", "LanguageCode", "SentDate", "Sent", "PaymentMethod", "PayDate",
  "AmountPaid", "TransactionID", "Authorisation", "CompanyName", "Initials", "SurName", "Address", "ZipCode", "City", "Country",
  "EmailAddress", "CustomFields", "AccountingCostCentre", "AccountingProject", "UseProductInventory", "InvoiceLines",
] as const;
const LINE_FIELDS = [
  "Date", "Number", "NumberSuffix", "ProductCode", "Description", "PriceExcl", "DiscountPercentage", "DiscountPercentageType", "TaxCode",
  "StartDate", "EndDate", "PeriodicType", "Periods", "Periodic", "AccountingCostCentre", "AccountingProject",
] as const;
const STATUSES = ["0", "2", "3", "4"];

/** What `invoice/list` rows carry (the full invoice, lines and comment included, comes from `show`). */
const row = (i: InvoiceJson) => ({
  Identifier: i.Identifier, InvoiceCode: i.InvoiceCode, Debtor: i.Debtor, DebtorCode: i.DebtorCode, CompanyName: i.CompanyName,
  Initials: i.Initials, SurName: i.SurName, AmountExcl: i.AmountExcl, AmountIncl: i.AmountIncl, AmountPaid: i.AmountPaid,
  AmountOutstanding: i.AmountOutstanding, Date: i.Date, PayBefore: i.PayBefore, Status: i.Status, SubStatus: i.SubStatus,
  Sent: i.Sent, Reminders: "0", Modified: i.Modified,
});

const pad4 = (n: number) => String(n).padStart(4, "0");
const today = () => new Date().toISOString().slice(0, 10);

function findInvoice(state: WefactState, p: Record<string, unknown>): InvoiceJson | undefined {
  const id = textParam(p.Identifier);
  const code = textParam(p.InvoiceCode);
  return state.invoices.find((i) => (id !== undefined && String(i.Identifier) === id) || (code !== undefined && i.InvoiceCode === code));
}

/** The next free number of the invoice's year: F2024-0001, F2024-0002, … */
function nextInvoiceCode(state: WefactState, date: string): string {
  const year = date.slice(0, 4);
  for (;;) {
    const n = (state.counters.invoiceNumbers[year] ?? 0) + 1;
    state.counters.invoiceNumbers[year] = n;
    const code = `F${year}-${pad4(n)}`;
    if (!state.invoices.some((i) => i.InvoiceCode === code)) return code;
  }
}

function textRecord(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, textParam(v) ?? ""]));
}

type Built = { invoice: InvoiceJson } | { errors: string[] };

function buildInvoice(s: WefactState, p: Record<string, unknown>): Built {
  const errors = unknownParams(p, FIELDS);
  const debtor = findDebtor(s, { Debtor: p.Debtor, DebtorCode: p.DebtorCode });
  if (!debtor) errors.push("Debiteur niet gevonden of niet opgegeven");
  const date = textParam(p.Date) ?? today();
  if (!isIsoDate(date)) errors.push(`Ongeldige factuurdatum '${date}'`);
  const termText = textParam(p.Term) ?? debtor?.InvoiceTerm ?? "14";
  if (!/^\d{1,3}$/.test(termText)) errors.push("Invalid type for 'Term'");
  const method = textParam(p.VatCalcMethod) ?? "excl";
  if (method !== "excl" && method !== "incl") errors.push("VatCalcMethod moet 'excl' of 'incl' zijn");
  const status = textParam(p.Status) ?? "0";
  if (!STATUSES.includes(status)) errors.push(`Ongeldige status '${status}'`);
  const identity = textParam(p.LanguageCode) ?? s.identities.find((c) => c.Default === "yes")?.LanguageCode ?? "nl_nl";
  if (!s.identities.some((c) => c.LanguageCode === identity)) errors.push(`Ongeldige taal/huisstijl '${identity}'`);
  const explicitCode = textParam(p.InvoiceCode);
  if (explicitCode && s.invoices.some((i) => i.InvoiceCode === explicitCode)) errors.push(`Factuurnummer ${explicitCode} is al in gebruik`);
  const discount = p.Discount === undefined ? new D(0) : decimalParam(p.Discount);
  if (!discount || discount.isNeg() || discount.gt(100)) errors.push("Invalid type for 'Discount'");
  const inventory = textParam(p.UseProductInventory) ?? "yes";
  if (inventory !== "yes" && inventory !== "no") errors.push("UseProductInventory moet 'yes' of 'no' zijn");
  const customFields = textRecord(p.CustomFields);
  if (!customFields) errors.push("Invalid type for 'CustomFields'");

  const rawLines = Array.isArray(p.InvoiceLines) ? p.InvoiceLines : [];
  if (rawLines.length === 0) errors.push("Er moet minimaal één factuurregel worden opgegeven");
  const priced: PricedLine[] = [];
  const lines: InvoiceLineJson[] = [];
  rawLines.forEach((raw, i) => {
    const at = `InvoiceLines[${i}]`;
    if (!raw || typeof raw !== "object") { errors.push(`Invalid type for '${at}'`); return; }
    const l = raw as Record<string, unknown>;
    errors.push(...unknownParams(l, LINE_FIELDS, `${at}.`));
    const productCode = textParam(l.ProductCode);
    const product = productCode ? findProduct(s, { ProductCode: productCode }) : undefined;
    if (productCode && !product) errors.push(`Factuurregel ${i + 1}: product '${productCode}' niet gevonden`);
    const number = l.Number === undefined ? new D(1) : decimalParam(l.Number);
    if (!number) errors.push(`Invalid type for '${at}.Number'`);
    const price = l.PriceExcl === undefined && product ? new D(product.PriceExcl) : decimalParam(l.PriceExcl);
    if (!price) errors.push(l.PriceExcl === undefined ? `Factuurregel ${i + 1}: prijs is verplicht` : `Invalid type for '${at}.PriceExcl'`);
    const taxCode = textParam(l.TaxCode) ?? product?.TaxCode ?? s.taxCodes.find((t) => t.IsDefault === "yes")?.TaxCode ?? "V21";
    const tax = s.taxCodes.find((t) => t.TaxCode === taxCode);
    if (!tax) errors.push(`Factuurregel ${i + 1}: ongeldige btw-code '${taxCode}'`);
    const lineDiscount = l.DiscountPercentage === undefined ? new D(0) : decimalParam(l.DiscountPercentage);
    if (!lineDiscount || lineDiscount.isNeg() || lineDiscount.gt(100)) errors.push(`Invalid type for '${at}.DiscountPercentage'`);
    if (!number || !price || !tax || !lineDiscount) return;
    // WeFact keeps unit prices to a limited number of decimals [I].
    const stored = price.toDecimalPlaces(PRICE_DECIMALS, Decimal.ROUND_HALF_UP);
    priced.push({ number, priceExcl: stored, percentage: percentageOf(tax), discount: lineDiscount });
    lines.push({
      Identifier: 0, Date: textParam(l.Date) ?? date, Number: number.toFixed(), NumberSuffix: textParam(l.NumberSuffix) ?? "",
      ProductCode: product?.ProductCode ?? "", Description: textParam(l.Description) ?? product?.ProductKeyPhrase ?? "", PriceExcl: stored.toFixed(),
      DiscountPercentage: lineDiscount.toFixed(), DiscountPercentageType: textParam(l.DiscountPercentageType) ?? "line",
      TaxCode: tax.TaxCode, TaxPercentage: percentageOf(tax).toFixed(), AccountingCostCentre: textParam(l.AccountingCostCentre) ?? "",
    });
  });
  if (errors.length || !debtor || !discount || !customFields) return { errors };

  for (const line of lines) line.Identifier = ++s.counters.line;
  const totals = invoiceTotals(priced, method as "excl" | "incl", discount);
  const paid = status === "4";
  s.counters.invoice += 1;
  const code = explicitCode ?? (status === "0" ? `[concept]${pad4(++s.counters.concept)}` : nextInvoiceCode(s, date));
  const now = nowText();
  const invoice: InvoiceJson = {
    Identifier: s.counters.invoice, InvoiceCode: code, Debtor: debtor.Identifier, DebtorCode: debtor.DebtorCode, Status: status, SubStatus: "",
    Date: date, Term: termText, PayBefore: addDays(date, Number(termText)), PaymentURL: "",
    AmountExcl: totals.AmountExcl, AmountTax: totals.AmountTax, AmountIncl: totals.AmountIncl,
    AmountPaid: paid ? totals.AmountIncl : "0.00", AmountOutstanding: status === "0" || paid ? "0.00" : totals.AmountIncl,
    Discount: discount.toFixed(), VatCalcMethod: method as "excl" | "incl", IgnoreDiscount: textParam(p.IgnoreDiscount) ?? "no",
    ReferenceNumber: textParam(p.ReferenceNumber) ?? "",
    CompanyName: textParam(p.CompanyName) ?? debtor.CompanyName, Initials: textParam(p.Initials) ?? debtor.Initials,
    SurName: textParam(p.SurName) ?? debtor.SurName, Sex: debtor.Sex, Address: textParam(p.Address) ?? debtor.Address,
    ZipCode: textParam(p.ZipCode) ?? debtor.ZipCode, City: textParam(p.City) ?? debtor.City, Country: textParam(p.Country) ?? debtor.Country,
    EmailAddress: textParam(p.EmailAddress) ?? debtor.EmailAddress, InvoiceMethod: textParam(p.InvoiceMethod) ?? debtor.InvoiceMethod,
    SentDate: "", Sent: "0", Authorisation: textParam(p.Authorisation) ?? "no", PaymentMethod: textParam(p.PaymentMethod) ?? "",
    PayDate: paid ? (textParam(p.PayDate) ?? date) : "", TransactionID: textParam(p.TransactionID) ?? "", LanguageCode: identity, Currency: "EUR",
    Description: textParam(p.Description) ?? "", Comment: textParam(p.Comment) ?? "", AccountingCostCentre: textParam(p.AccountingCostCentre) ?? "",
    UseProductInventory: inventory, CustomFields: customFields, InvoiceLines: lines, Created: now, Modified: now,
    SandboxVatPerRate: totals.summary,
  };
  return { invoice };
}

/** What `show`/`add` answer: the invoice without the sandbox-only VAT summary. */
const negate = (amount: string) => (D(amount).isZero() ? amount : D(amount).neg().toFixed(2));

/** The credit invoice WeFact makes of a sent invoice: the same debtor and lines, negative quantities and amounts. */
function creditOf(s: WefactState, invoice: InvoiceJson): InvoiceJson {
  s.counters.invoice += 1;
  const now = nowText();
  return {
    ...invoice,
    Identifier: s.counters.invoice, InvoiceCode: nextInvoiceCode(s, today()), Status: "8", SubStatus: "", Date: today(),
    AmountExcl: negate(invoice.AmountExcl), AmountTax: negate(invoice.AmountTax), AmountIncl: negate(invoice.AmountIncl),
    AmountPaid: "0.00", AmountOutstanding: "0.00", Sent: "0", SentDate: "", Created: now, Modified: now,
    InvoiceLines: invoice.InvoiceLines.map((l) => ({ ...l, Identifier: ++s.counters.line, Number: D(l.Number).neg().toString() })),
    SandboxVatPerRate: invoice.SandboxVatPerRate.map((r) => ({ ...r, AmountExcl: negate(r.AmountExcl), AmountTax: negate(r.AmountTax), AmountIncl: negate(r.AmountIncl) })),
  };
}

const present = ({ SandboxVatPerRate: _summary, ...invoice }: InvoiceJson) => invoice;

export async function invoiceController(call: Call, ctx: SandboxContext<WefactState>): Promise<Response> {
  const p = call.params;
  switch (call.action) {
    case "list":
      return listed(call, "invoices", (await ctx.read()).invoices, row, "InvoiceCode|DebtorCode|CompanyName|SurName");
    case "show": {
      const invoice = findInvoice(await ctx.read(), p);
      return invoice ? success(call, { invoice: present(invoice) }) : failure(call, ["Factuur niet gevonden"]);
    }
    case "add":
      if (p.Identifier !== undefined) return failure(call, ["Een Identifier is niet toegestaan voor deze actie"]);
      return ctx.update((s) => {
        const built = buildInvoice(s, p);
        if ("errors" in built) return failure(call, built.errors);
        s.invoices.push(built.invoice);
        return success(call, { invoice: present(built.invoice) }, [`Factuur ${built.invoice.InvoiceCode} is aangemaakt`]);
      });
    case "sendbyemail":
      return ctx.update((s) => {
        const invoice = findInvoice(s, p);
        if (!invoice) return failure(call, ["Factuur niet gevonden"]);
        if (!invoice.EmailAddress) return failure(call, [`Factuur ${invoice.InvoiceCode} kan niet per e-mail worden verzonden: er is geen e-mailadres bekend`]);
        // Sending finalises a draft: it gets its real number and status "sent".
        if (invoice.Status === "0") {
          if (invoice.InvoiceCode.startsWith("[concept]")) invoice.InvoiceCode = nextInvoiceCode(s, invoice.Date);
          invoice.Status = "2";
          invoice.AmountOutstanding = invoice.AmountIncl;
        }
        invoice.Sent = String(Number(invoice.Sent) + 1);
        invoice.SentDate = nowText();
        invoice.Modified = invoice.SentDate;
        return success(call, { invoice: present(invoice) }, [`Factuur ${invoice.InvoiceCode} is per e-mail verzonden naar ${invoice.EmailAddress}.`]);
      });
    case "credit":
      // invoice/credit: a credit invoice (status 8) for the whole invoice; the original becomes "credited" (status 9).
      return ctx.update((s) => {
        const invoice = findInvoice(s, p);
        if (!invoice) return failure(call, ["Factuur niet gevonden"]);
        if (invoice.Status === "0") return failure(call, [`Factuur ${invoice.InvoiceCode} is een conceptfactuur en kan niet worden gecrediteerd; verwijder de conceptfactuur`]);
        if (invoice.Status === "8" || invoice.Status === "9") return failure(call, [`Factuur ${invoice.InvoiceCode} is al gecrediteerd`]);
        const credit = creditOf(s, invoice);
        s.invoices.push(credit);
        invoice.Status = "9";
        invoice.AmountOutstanding = "0.00";
        invoice.Modified = nowText();
        return success(call, { invoice: present(credit) }, [`Creditfactuur ${credit.InvoiceCode} is aangemaakt voor factuur ${invoice.InvoiceCode}`]);
      });
    case "markaspaid":
    case "partpayment":
      return ctx.update((s) => registerInvoicePayment(s, call, findInvoice(s, p)));
    case "delete":
      return ctx.update((s) => {
        const invoice = findInvoice(s, p);
        if (!invoice) return failure(call, ["Factuur niet gevonden"]);
        if (invoice.Status !== "0") return failure(call, [`Factuur ${invoice.InvoiceCode} is geen conceptfactuur en kan niet worden verwijderd; crediteer de factuur`]);
        s.invoices = s.invoices.filter((i) => i !== invoice);
        return success(call, {}, [`Conceptfactuur ${invoice.InvoiceCode} is verwijderd`]);
      });
    default:
      return failure(call, ["Invalid action"]);
  }
}
