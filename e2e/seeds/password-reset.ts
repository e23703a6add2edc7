// The merchant of e2e/password-reset.spec.ts: a login of its own (no integration needed), so
// changing its password never affects another spec's login.
import type { Db } from "../../lib/db/client";
import { seedMerchant } from "./configured-integration";

export const RESET_MERCHANT = { email: "vergeten@example.com", password: "forgotten-password" } as const;

export async function seedPasswordResetMerchant(db: Db): Promise<void> {
  await seedMerchant(db, { company: "Vergeetachtig B.V.", name: "Vera", email: RESET_MERCHANT.email, password: RESET_MERCHANT.password });
}
