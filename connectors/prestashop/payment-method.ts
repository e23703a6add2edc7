import { classifyByKeywords, type KeywordRules } from "@/lib/domain/payment-method";
import type { PaymentMethodClass } from "@/lib/domain/sales-document";

/**
 * The class of PrestaShop's payment: its label ([payment], e.g. "Bank wire", "iDEAL via Mollie")
 * and module ([module], e.g. "ps_wirepayment") are read by keywords, first match wins. Unlike the
 * manuals' rules, the bank words are tried last.
 */
const prestashopKeywordRules: KeywordRules = {
  texts: (name) => [name.toLowerCase().trim()],
  rules: [
    ["ideal", /ideal/],
    ["paypal", /paypal/],
    ["afterpay", /afterpay|riverty/],
    ["mistercash", /bancontact|mister\s*cash/],
    ["creditcard", /credit\s*card|creditcard|visa|mastercard|maestro|amex|american express/],
    ["banktransfer", /wire|bank|transfer|overschrijving|virement|rekening/],
  ],
};

export const classifyPaymentMethod = (label: string | undefined, module: string | undefined): PaymentMethodClass =>
  classifyByKeywords([label, module], prestashopKeywordRules);
