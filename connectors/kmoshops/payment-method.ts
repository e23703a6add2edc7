import { classifyByKeywords, type KeywordRules } from "@/lib/domain/payment-method";
import type { PaymentMethodClass } from "@/lib/domain/sales-document";

/**
 * The class of a KMO payment method (its `code`, else its `name`), by keywords in Dutch, French
 * and English. Belgian shops: Bancontact is the former Mister Cash. The raw name always travels
 * along (Factuursturen prints "Payment method: <name>"); the class only drives fixed debtors.
 * Hyphens and underscores are spaces; each rule is also tried with the spaces left out.
 */
const kmoKeywordRules: KeywordRules = {
  texts: (name) => {
    const text = name.toLowerCase().replace(/[-_]/g, " ").trim();
    return [text, text.replace(/ /g, "")];
  },
  rules: [
    ["banktransfer", /transfer|overschrijving|overmaking|virement|bank|rekening|invoice|factuur|facture/],
    ["ideal", /ideal/],
    ["paypal", /paypal/],
    ["afterpay", /afterpay|riverty|klarna/],
    ["mistercash", /bancontact|mistercash|mister cash/],
    ["creditcard", /credit ?card|creditcard|kredietkaart|carte|visa|mastercard|maestro|amex|american express/],
  ],
};

export const classifyPaymentMethod = (...names: (string | null | undefined)[]): PaymentMethodClass => classifyByKeywords(names, kmoKeywordRules);
