import type { PaymentMethodClass } from "@/lib/domain/sales-document";
import type { ConfiguredPaymentMethod } from "./config";

/** The manual's cleanUp: capitals and hyphens are ignored when comparing payment method names. */
export const cleanUp = (name: string) => name.toLowerCase().replace(/-/g, "").trim();

/** The manual's keyword rules, in the manual's order (the first that matches wins). */
const rules: [PaymentMethodClass, (name: string) => boolean][] = [
  ["banktransfer", (n) => ["transfer", "bank", "invoice", "rekening"].some((w) => n.includes(w))],
  ["ideal", (n) => n.includes("ideal")],
  ["paypal", (n) => n.includes("paypal")],
  ["afterpay", (n) => n.includes("afterpay")],
  ["mistercash", (n) => n.includes("mister") && n.includes("cash")],
  ["creditcard", (n) => (n.includes("credit") && n.includes("card")) || ["maestro", "visa", "mastercard"].some((w) => n.includes(w))],
];

const byKeywords = (name: string): PaymentMethodClass => rules.find(([, test]) => test(name))?.[0] ?? "default";

/**
 * Classifies Magento's payment method code (order.payment.method, e.g. "mollie_methods_ideal"):
 * a method configured on the dashboard is used as configured (its chosen class, or the keyword
 * class of its name); anything else goes by the manual's keywords; otherwise "default".
 */
export function classifyPaymentMethod(raw: string | undefined, configured: ConfiguredPaymentMethod[] = []): PaymentMethodClass {
  const name = cleanUp(raw ?? "");
  if (!name) return "default";
  for (const entry of configured) {
    const method = typeof entry === "string" ? entry : entry.method;
    if (cleanUp(method) !== name) continue;
    return (typeof entry === "string" ? undefined : entry.classification) ?? byKeywords(name);
  }
  return byKeywords(name);
}
