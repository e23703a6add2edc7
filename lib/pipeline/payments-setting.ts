import { z } from "zod";
import { methodKey } from "../domain/payment-method";

/**
 * The integration setting "payments": the manuals' paid option as a switch, plus the clearing
 * (Rompslomp) or offset (e-Boekhouden) account per payment method: keyed by the shop's method name
 * or its class (ideal, paypal, …), `default` for every other method. No account = the target's own setting.
 */
export const paymentsSettingSchema = z.object({
  enabled: z.boolean().default(false),
  accounts: z.record(z.string(), z.string().trim().min(1)).default({}),
});

export type PaymentsSetting = z.infer<typeof paymentsSettingSchema>;

/** The stored setting, or payments off when it is missing or unreadable (never book money on a guess). */
export function paymentsSettingOf(value: unknown): PaymentsSetting {
  const parsed = paymentsSettingSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { enabled: false, accounts: {} };
}

/** The account for a payment: its raw method name first, then its class, then `default`. */
export function paymentAccountFor(setting: PaymentsSetting, method: string | undefined, classification: string | undefined): string | undefined {
  const byKey = new Map(Object.entries(setting.accounts).map(([k, v]) => [methodKey(k), v]));
  return (method ? byKey.get(methodKey(method)) : undefined) ?? (classification ? byKey.get(methodKey(classification)) : undefined) ?? byKey.get("default");
}
