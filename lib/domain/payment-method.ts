import { z } from "zod";
import { paymentMethodClassSchema, type PaymentMethodClass } from "./sales-document";

/**
 * Payment-method classification, one mechanism for every source: a method the merchant configured
 * is used as configured; otherwise the first of the shop's names that a keyword rule recognises
 * decides (rules in order, the first that matches wins); otherwise "default". The class drives
 * fixed debtors; the raw name always travels along.
 */

/** The manuals' cleanUp: capitals and hyphens are ignored when comparing payment method names. */
export const cleanUp = (name: string) => name.toLowerCase().replace(/-/g, "").trim();

/**
 * The key a merchant's configured method name is matched by (fixed debtors, payment accounts):
 * cleanUp, and spaces and underscores ignored too, so "Bank transfer" finds "bank_transfer".
 */
export const methodKey = (name: string) => cleanUp(name).replace(/[\s_]/g, "");

/** A shop's keyword rules: how a name is written out for matching (one or more texts), and the tests in order. */
export type KeywordRules = {
  texts: (name: string) => string[];
  rules: readonly (readonly [PaymentMethodClass, RegExp | ((text: string) => boolean)])[];
};

const passes = (test: RegExp | ((text: string) => boolean), text: string) => (typeof test === "function" ? test(text) : test.test(text));

const hasAny = (text: string, words: string[]) => words.some((w) => text.includes(w));

/** The manuals' keyword rules (Magento, CCV Shop), on the cleaned-up name, in the manuals' order. */
export const manualKeywordRules: KeywordRules = {
  texts: (name) => [cleanUp(name)],
  rules: [
    ["banktransfer", (n) => hasAny(n, ["transfer", "bank", "invoice", "rekening"])],
    ["ideal", (n) => n.includes("ideal")],
    ["paypal", (n) => n.includes("paypal")],
    ["afterpay", (n) => n.includes("afterpay")],
    ["mistercash", (n) => n.includes("mister") && n.includes("cash")],
    ["creditcard", (n) => (n.includes("credit") && n.includes("card")) || hasAny(n, ["maestro", "visa", "mastercard"])],
  ],
};

/** The class of the first name (in the order given) that a rule recognises; "default" when none does. */
export function classifyByKeywords(names: readonly (string | null | undefined)[], keywords: KeywordRules = manualKeywordRules): PaymentMethodClass {
  for (const name of names) {
    const texts = name ? keywords.texts(name).filter(Boolean) : [];
    const hit = keywords.rules.find(([, test]) => texts.some((text) => passes(test, text)));
    if (hit) return hit[0];
  }
  return "default";
}

/**
 * A payment method configured on the Configuration tab: its name as the shop shows it, optionally
 * with the class the merchant picked (otherwise the keyword rules decide).
 */
export const configuredPaymentMethodSchema = z.union([
  z.string().min(1),
  z.object({ method: z.string().min(1), classification: paymentMethodClassSchema.optional() }),
]);
export type ConfiguredPaymentMethod = z.infer<typeof configuredPaymentMethodSchema>;

/**
 * Classifies a shop's payment method name: a configured method (compared after cleanUp) keeps its
 * chosen class, or gets the keyword class of its name; anything else goes by the keywords.
 */
export function classifyPaymentMethod(
  raw: string | undefined,
  configured: readonly ConfiguredPaymentMethod[] = [],
  keywords: KeywordRules = manualKeywordRules,
): { classification: PaymentMethodClass; configured?: string } {
  const name = cleanUp(raw ?? "");
  if (!name) return { classification: "default" };
  for (const entry of configured) {
    const method = typeof entry === "string" ? entry : entry.method;
    if (cleanUp(method) !== name) continue;
    const chosen = typeof entry === "string" ? undefined : entry.classification;
    return { classification: chosen ?? classifyByKeywords([raw], keywords), configured: method };
  }
  return { classification: classifyByKeywords([raw], keywords) };
}
