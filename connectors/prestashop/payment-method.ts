import type { PaymentMethodClass } from "@/lib/domain/sales-document";

/**
 * The class of PrestaShop's payment: its label ([payment], e.g. "Bank wire", "iDEAL via Mollie")
 * and module ([module], e.g. "ps_wirepayment") are read by keywords, first match wins.
 */
const rules: [PaymentMethodClass, RegExp][] = [
  ["ideal", /ideal/],
  ["paypal", /paypal/],
  ["afterpay", /afterpay|riverty/],
  ["mistercash", /bancontact|mister\s*cash/],
  ["creditcard", /credit\s*card|creditcard|visa|mastercard|maestro|amex|american express/],
  ["banktransfer", /wire|bank|transfer|overschrijving|virement|rekening/],
];

export function classifyPaymentMethod(label: string | undefined, module: string | undefined): PaymentMethodClass {
  for (const text of [label, module]) {
    const name = text?.toLowerCase().trim();
    if (!name) continue;
    const hit = rules.find(([, test]) => test.test(name));
    if (hit) return hit[0];
  }
  return "default";
}
