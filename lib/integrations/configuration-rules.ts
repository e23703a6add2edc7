import { PAYMENT_ACCOUNT_TARGETS } from "./configuration-fields";
import type { FieldError } from "./configuration-schema";

/**
 * Rules between settings, checked on what the settings would be after a save (whichever group is
 * saved): each answer names the field it belongs to, so the tab shows it next to that field.
 */
type Obj = Record<string, unknown>;
export type RuleError = { fields: string[]; error: FieldError };

/**
 * The account a payment is booked on when none is set for its method: the target's own setting,
 * when the merchant (or the demo) stored one. e-Boekhouden's built-in 1100 is not taken as a
 * choice: the merchant picks the account once, as the wizard asks.
 */
export function targetPaymentAccount(target: string, targetSettings: Obj): string | undefined {
  const stored = target === "rompslomp" ? targetSettings.paymentClearingAccountId : target === "eboekhouden" ? targetSettings.paymentAccount : undefined;
  return typeof stored === "string" && stored ? stored : undefined;
}

/** Payments switched on need an account for methods without one of their own: the default, or the target's own. */
export function paymentsAccountMissing(target: string, payments: { enabled: boolean; accounts: Record<string, string> }, targetSettings: Obj): boolean {
  // WeFact and Factuursturen register a payment on the invoice itself: there is no account to pick.
  if (!(PAYMENT_ACCOUNT_TARGETS as readonly string[]).includes(target)) return false;
  return payments.enabled && !payments.accounts.default && !targetPaymentAccount(target, targetSettings);
}

export function crossRules(target: string, next: { target: Obj; payments: { enabled: boolean; accounts: Record<string, string> } }): RuleError[] {
  const errors: RuleError[] = [];
  const t = next.target;
  // Rompslomp emails an invoice when it publishes it: a concept is never sent.
  if (target === "rompslomp" && t.invoiceStatus === "concept" && t.sendByEmail === true) errors.push({ fields: ["sendByEmail"], error: { code: "conceptNoEmail" } });
  if (paymentsAccountMissing(target, next.payments, t)) errors.push({ fields: ["paymentAccount"], error: { code: "paymentAccountMissing" } });
  return errors;
}
