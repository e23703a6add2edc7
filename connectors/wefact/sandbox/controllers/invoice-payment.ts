import { D } from "@/lib/domain/money";
import { decimalParam, failure, isIsoDate, money2, success, textParam, unknownParams, type Call } from "../http";
import { nowText, type InvoiceJson, type WefactState } from "../state";

/**
 * `invoice/markaspaid` and `invoice/partpayment` (reference §3 "Payments" [C]): `Identifier` or
 * `InvoiceCode`, `PayDate` (default today), `PaymentMethod`; a part payment takes `AmountPaid` and,
 * when it clears the balance, makes the invoice paid (status 4), else partly paid (3). Drafts,
 * credit and credited invoices are refused. Our reading [I]: a paid invoice cannot be marked paid
 * again, a part payment must be positive and at most the balance, and `PaymentMethod` is one of
 * the values the reference lists (WeFact has more; a strict sandbox shows a typo in our mapping).
 */
const FIELDS = { markaspaid: ["Identifier", "InvoiceCode", "PayDate", "PaymentMethod"], partpayment: ["Identifier", "InvoiceCode", "AmountPaid", "PayDate", "PaymentMethod"] } as const;
const METHODS = ["wire", "cash", "card", "auth", "accounting", "various", "paypal", "ideal"];

export function registerInvoicePayment(s: WefactState, call: Call, invoice: InvoiceJson | undefined): Response {
  const action = call.action as keyof typeof FIELDS;
  const p = call.params;
  const errors = unknownParams(p, FIELDS[action]);
  if (errors.length) return failure(call, errors);
  if (!invoice) return failure(call, ["Factuur niet gevonden"]);
  const payDate = textParam(p.PayDate) ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(payDate)) return failure(call, [`Ongeldige betaaldatum '${payDate}'`]);
  const method = textParam(p.PaymentMethod);
  if (method !== undefined && !METHODS.includes(method)) return failure(call, [`Ongeldige betaalmethode '${method}'`]);
  if (invoice.Status === "0") return failure(call, [`Factuur ${invoice.InvoiceCode} is een conceptfactuur; een betaling kan pas worden geregistreerd als de factuur is verzonden`]);
  if (invoice.Status === "8" || invoice.Status === "9") return failure(call, [`Factuur ${invoice.InvoiceCode} is een creditfactuur of gecrediteerd; hierop kan geen betaling worden geregistreerd`]);
  if (invoice.Status === "4") return failure(call, [`Factuur ${invoice.InvoiceCode} is al betaald`]);

  const outstanding = new D(invoice.AmountOutstanding);
  const amount = action === "markaspaid" ? outstanding : decimalParam(p.AmountPaid);
  if (!amount) return failure(call, [p.AmountPaid === undefined ? "Het betaalde bedrag (AmountPaid) is verplicht" : "Invalid type for 'AmountPaid'"]);
  if (amount.lte(0)) return failure(call, ["Het betaalde bedrag moet groter zijn dan 0"]);
  if (amount.gt(outstanding)) return failure(call, [`Het betaalde bedrag ${money2(amount)} is hoger dan het openstaande bedrag ${money2(outstanding)} van factuur ${invoice.InvoiceCode}`]);

  const left = outstanding.minus(amount);
  invoice.AmountPaid = money2(new D(invoice.AmountPaid).plus(amount));
  invoice.AmountOutstanding = money2(left);
  invoice.Status = left.isZero() ? "4" : "3";
  invoice.PayDate = payDate;
  if (method) invoice.PaymentMethod = method;
  invoice.Modified = nowText();
  (s.payments ??= []).push({ Invoice: invoice.Identifier, InvoiceCode: invoice.InvoiceCode, Action: action, Amount: money2(amount), PayDate: payDate, PaymentMethod: method ?? "" });
  return success(call, {}, [left.isZero() ? `Factuur ${invoice.InvoiceCode} is als betaald gemarkeerd` : `Deelbetaling van ${money2(amount)} is geregistreerd voor factuur ${invoice.InvoiceCode}`]);
}
