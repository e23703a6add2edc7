import { createHash, randomBytes } from "node:crypto";

/**
 * What one Mollie sandbox tenant knows: its test API key, its website profile and the payments
 * created through it. A tenant is one Mollie account (ours is "billing"; tests use their own).
 */
export const MOLLIE_SANDBOX_SYSTEM = "mollie" as const;

export type SandboxPaymentStatus = "open" | "paid" | "canceled" | "failed" | "expired";

export type SandboxPayment = {
  id: string;
  createdAt: string;
  expiresAt: string;
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl: string | null;
  metadata: unknown;
  locale: string | null;
  status: SandboxPaymentStatus;
  method: string | null;
  paidAt?: string;
  canceledAt?: string;
  failedAt?: string;
  expiredAt?: string;
};

/** One webhook call made (or tried) for a payment, read back through `_admin/deliveries`. */
export type Delivery = { paymentId: string; address: string; status?: number; error?: string; attempts: number; at: string };

export type MollieSandboxState = {
  /** The tenant's test API key (test_ + 30 characters), the only key its API accepts. */
  apiKey: string;
  profileId: string;
  payments: Record<string, SandboxPayment>;
  deliveries: Delivery[];
};

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const fromBytes = (bytes: Buffer, length: number) => Array.from(bytes.subarray(0, length), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");

/**
 * The test API key of a sandbox tenant: fixed per tenant (derived from its slug), so the app in
 * sandbox mode and the tests know it without asking. It is a sandbox credential, not a secret.
 */
export const sandboxMollieApiKey = (tenant: string) => `test_${fromBytes(createHash("sha256").update(`mollie-sandbox-key|${tenant}`).digest(), 30)}`;

const profileIdFor = (tenant: string) => `pfl_${fromBytes(createHash("sha256").update(`mollie-sandbox-profile|${tenant}`).digest(), 10)}`;

/** Payment ids as Mollie issues them: tr_ and ten letters or digits. */
export const newPaymentId = () => `tr_${fromBytes(randomBytes(16), 10)}`;

export const initialState = (tenant: string): MollieSandboxState => ({ apiKey: sandboxMollieApiKey(tenant), profileId: profileIdFor(tenant), payments: {}, deliveries: [] });

/** `_admin/reset`: payments and deliveries forgotten; the API key and profile stay. */
export const reset = (state: MollieSandboxState): MollieSandboxState => ({ ...state, payments: {}, deliveries: [] });

/** An open payment Mollie expires when nobody completes it: 15 minutes, as for a payment without a chosen method. */
export const OPEN_FOR_MS = 15 * 60_000;

/** Expires an open payment whose time is up (Mollie does it on its own clock; here when it is next looked at). */
export function expireIfDue(payment: SandboxPayment, now = new Date()): boolean {
  if (payment.status !== "open" || Date.parse(payment.expiresAt) > now.getTime()) return false;
  payment.status = "expired";
  payment.expiredAt = payment.expiresAt;
  return true;
}
