import { openRenewalInvoice } from "../../lib/billing/renewal-invoice";
import { hashPassword } from "../../lib/crypto/password";
import type { Db } from "../../lib/db/client";
import { BILLING, BILLING_KEYS } from "./billing-login";

/**
 * A merchant of its own for the Profile spec, so the demo merchant's integrations other specs use
 * stay untouched: one integration paused with its renewal invoice open, one paid for a year with
 * its paid invoice, one in its trial.
 */
const DAY = 86_400_000;

export async function seedBillingMerchant(db: Db): Promise<void> {
  const now = Date.now();
  const account = await db.account.create({
    data: { name: BILLING.company, country: "NL", locale: "en", users: { create: { email: BILLING.email, name: "Bea Billing", passwordHash: await hashPassword(BILLING.password) } } },
  });
  const integration = (key: { licenseKey: string; name: string }, source: string, target: string, data: object) =>
    db.integration.create({ data: { accountId: account.id, licenseKey: key.licenseKey, name: key.name, sourceSystem: source, targetSystem: target, termsAcceptedAt: new Date(now - 120 * DAY), ...data } });

  // Webshops that only send webhooks (no connection here), so the schedulers leave them alone.
  const paid = await integration(BILLING_KEYS.paid, "ccvshop", "rompslomp", { status: "active", trialEndsAt: new Date(now - 100 * DAY), paidUntil: new Date(now + 265 * DAY) });
  const paidInvoice = await openRenewalInvoice(db, paid.id, new Date(now - 107 * DAY));
  await db.subscriptionInvoice.update({
    where: { id: paidInvoice.id },
    data: { status: "paid", paidAt: new Date(now - 101 * DAY), periodStart: new Date(now - 100 * DAY), periodEnd: new Date(now + 265 * DAY) },
  });

  const paused = await integration(BILLING_KEYS.paused, "ccvshop", "wefact", { status: "paused", trialEndsAt: new Date(now - 10 * DAY), pausedAt: new Date(now - 9 * DAY) });
  await openRenewalInvoice(db, paused.id, new Date(now - 9 * DAY));

  await integration(BILLING_KEYS.trial, "ccvshop", "eboekhouden", { status: "active", trialEndsAt: new Date(now + 20 * DAY) });
}
