import type { Db } from "../db/client";
import type { SubscriptionInvoice } from "../db/generated/client";
import { parseLocale } from "../i18n/locale";
import { invoiceMessages } from "../i18n/messages/billing-invoice";
import { translator } from "../i18n/translate";
import { renewalPeriod } from "./access";
import { withNextInvoiceNumber } from "./invoice-number";
import { mollieAmount, type MollieClient } from "./mollie-client";
import { mollieWebhookUrl } from "./mollie-settings";
import { signedReturnUrl } from "./pay-link";
import { subscriptionPrice } from "./price";

/** The calendar year in the Netherlands, which invoice numbers run by. */
const amsterdamYear = (at: Date) => Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", year: "numeric" }).format(at));

/**
 * The integration's open renewal invoice: the one already made (one open renewal at a time), or a
 * new one for the next year at today's price under the next invoice number.
 */
export async function openRenewalInvoice(db: Db, integrationId: string, now = new Date()): Promise<SubscriptionInvoice> {
  const existing = await db.subscriptionInvoice.findFirst({ where: { integrationId, status: "open" }, orderBy: { createdAt: "desc" } });
  if (existing) return existing;
  const integration = await db.integration.findUniqueOrThrow({
    where: { id: integrationId },
    select: { accountId: true, name: true, licenseKey: true, trialEndsAt: true, paidUntil: true, account: { select: { locale: true } } },
  });
  const t = translator(invoiceMessages, parseLocale(integration.account.locale));
  const period = renewalPeriod(integration, now);
  const price = subscriptionPrice();
  return withNextInvoiceNumber(db, amsterdamYear(now), (number) =>
    db.subscriptionInvoice.create({
      data: {
        accountId: integration.accountId, integrationId, number,
        description: t("description", { name: integration.name, licenseKey: integration.licenseKey }),
        periodStart: period.start, periodEnd: period.end,
        amountExclVat: price.exclVat.toFixed(2), vatRate: price.vatRate.toFixed(2), vatAmount: price.vat.toFixed(2), amountInclVat: price.inclVat.toFixed(2),
        status: "open", createdAt: now,
      },
    }),
  );
}

export type Checkout = { status: "open"; checkoutUrl: string } | { status: "paid" } | { status: "pending" } | { status: "closed" };

/**
 * Where to pay an open invoice: the checkout of its Mollie payment while that can still be paid,
 * else (none yet, expired, canceled, failed) a new payment. A payment found paid is reported so
 * the caller settles it instead; one the bank is still processing (pending) gets no second payment.
 */
export async function ensureCheckout(db: Db, invoiceId: string, mollie: MollieClient): Promise<Checkout> {
  const invoice = await db.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { integration: { select: { licenseKey: true } }, account: { select: { locale: true } } } });
  if (invoice.status !== "open") return invoice.status === "paid" ? { status: "paid" } : { status: "closed" };
  if (invoice.paymentRef) {
    const current = await mollie.getPayment(invoice.paymentRef);
    if (current.status === "paid") return { status: "paid" };
    if (current.status === "open" && current.checkoutUrl) {
      if (current.checkoutUrl !== invoice.checkoutUrl) await db.subscriptionInvoice.update({ where: { id: invoiceId }, data: { checkoutUrl: current.checkoutUrl } });
      return { status: "open", checkoutUrl: current.checkoutUrl };
    }
    if (current.status === "pending" || current.status === "authorized") return { status: "pending" };
  }
  const locale = parseLocale(invoice.account.locale);
  const t = translator(invoiceMessages, locale);
  const payment = await mollie.createPayment({
    amount: mollieAmount(invoice.amountInclVat),
    description: t("paymentDescription", { number: invoice.number, licenseKey: invoice.integration.licenseKey }),
    redirectUrl: signedReturnUrl(invoice.id),
    webhookUrl: mollieWebhookUrl(),
    metadata: { invoiceId: invoice.id, invoiceNumber: invoice.number },
    locale: locale === "nl" ? "nl_NL" : "en_US",
  });
  if (!payment.checkoutUrl) throw new Error(`Mollie created payment ${payment.id} without a checkout link.`);
  await db.subscriptionInvoice.update({ where: { id: invoiceId }, data: { paymentRef: payment.id, checkoutUrl: payment.checkoutUrl } });
  return { status: "open", checkoutUrl: payment.checkoutUrl };
}
