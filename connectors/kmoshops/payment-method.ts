import type { PaymentMethodClass } from "@/lib/domain/sales-document";

/**
 * The class of a KMO payment method (its `code`, else its `name`), by keywords in Dutch, French
 * and English. Belgian shops: Bancontact is the former Mister Cash. The raw name always travels
 * along (Factuursturen prints "Payment method: <name>"); the class only drives fixed debtors.
 */
const rules: [PaymentMethodClass, RegExp][] = [
  ["banktransfer", /transfer|overschrijving|overmaking|virement|bank|rekening|invoice|factuur|facture/],
  ["ideal", /ideal/],
  ["paypal", /paypal/],
  ["afterpay", /afterpay|riverty|klarna/],
  ["mistercash", /bancontact|mistercash|mister cash/],
  ["creditcard", /credit ?card|creditcard|kredietkaart|carte|visa|mastercard|maestro|amex|american express/],
];

export function classifyPaymentMethod(...names: (string | null | undefined)[]): PaymentMethodClass {
  for (const name of names) {
    const text = name?.toLowerCase().replace(/[-_]/g, " ").trim();
    if (!text) continue;
    const hit = rules.find(([, re]) => re.test(text) || re.test(text.replace(/ /g, "")));
    if (hit) return hit[0];
  }
  return "default";
}
