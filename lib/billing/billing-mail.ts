import { env } from "../config/env";
import type { Db } from "../db/client";
import { sendMail } from "../email/send-mail";
import { formatDate, formatMoney, type Locale } from "../i18n/locale";
import { billingMailMessages } from "../i18n/messages/billing-mails";
import { translator } from "../i18n/translate";
import { accountOwner } from "./account-owner";

/**
 * The subscription mails, in the account's language, to the account's owner (sendMail copies the
 * account's extra notification address). Kinds: renewal-offer, paused, payment-confirmed, cancelled.
 */
type InvoiceFacts = { number: string; amountExclVat: { toFixed(dp: number): string }; vatAmount: { toFixed(dp: number): string }; amountInclVat: { toFixed(dp: number): string }; vatRate: { toFixed(): string }; periodStart: Date; periodEnd: Date };
type IntegrationFacts = { id: string; accountId: string; name: string; licenseKey: string; paidUntil: Date | null };

function context(locale: Locale) {
  const t = translator(billingMailMessages, locale);
  const money = (v: { toFixed(dp: number): string }) => formatMoney(locale, v.toFixed(2));
  const date = (d: Date) => formatDate(locale, d);
  const invoiceLine = (i: InvoiceFacts) => t("invoiceLine", { excl: money(i.amountExclVat), vat: money(i.vatAmount), rate: i.vatRate.toFixed(), incl: money(i.amountInclVat), number: i.number });
  return { t, money, date, invoiceLine };
}

async function send(db: Db, integration: IntegrationFacts, kind: string, compose: (c: ReturnType<typeof context>, owner: { name: string }) => { subject: string; body: string }) {
  const owner = await accountOwner(db, integration.accountId);
  if (!owner) return null; // nobody to write to; the change itself stands
  const c = context(owner.locale);
  const { subject, body } = compose(c, owner);
  return sendMail(db, { kind, locale: owner.locale, to: owner.email, accountId: integration.accountId, subject, text: `${c.t("greeting", { owner: owner.name })}\n\n${body}\n\n${c.t("signoff")}` });
}

/** Was it a trial (no paid period yet) or a subscription that ends? */
const periodKey = (i: IntegrationFacts) => (i.paidUntil ? "periodSubscription" : "periodTrial");

export const sendRenewalOffer = (db: Db, i: IntegrationFacts, endDate: Date, invoice: InvoiceFacts, payLink: string) =>
  send(db, i, "renewal-offer", ({ t, date, invoiceLine }) => ({
    subject: t("offerSubject", { name: i.name }),
    body: t("offerBody", { period: t(periodKey(i)), name: i.name, licenseKey: i.licenseKey, endDate: date(endDate), start: date(invoice.periodStart), end: date(invoice.periodEnd), invoiceLine: invoiceLine(invoice), payLink }),
  }));

export const sendPausedMail = (db: Db, i: IntegrationFacts, endDate: Date, invoice: InvoiceFacts, payLink: string) =>
  send(db, i, "paused", ({ t, date, invoiceLine }) => ({
    subject: t("pausedSubject", { name: i.name }),
    body: t("pausedBody", { period: t(periodKey(i)), name: i.name, licenseKey: i.licenseKey, endDate: date(endDate), invoiceLine: invoiceLine(invoice), payLink }),
  }));

export const sendPaymentConfirmation = (db: Db, i: IntegrationFacts & { paidUntil: Date }, invoice: InvoiceFacts, resumed: boolean) =>
  send(db, i, "payment-confirmed", ({ t, date, money }) => ({
    subject: t("paidSubject", { name: i.name }),
    body: t("paidBody", { incl: money(invoice.amountInclVat), number: invoice.number, name: i.name, licenseKey: i.licenseKey, paidUntil: date(i.paidUntil), resumed: resumed ? t("paidResumed") : "", profileUrl: `${env().APP_URL.replace(/\/+$/, "")}/dashboard/profile` }),
  }));

export const sendCancelledMail = (db: Db, i: IntegrationFacts, at: Date, reason: "merchant" | "app-removed", webhooksRemoved: boolean) =>
  send(db, i, "cancelled", ({ t, date }) => ({
    subject: t("cancelledSubject", { name: i.name }),
    body: t("cancelledBody", {
      reason: t(reason === "merchant" ? "cancelledByMerchant" : "cancelledAppRemoved", { name: i.name, licenseKey: i.licenseKey, date: date(at) }),
      date: date(at),
      webhooks: webhooksRemoved ? t("cancelledWebhooksRemoved") : "",
    }),
  }));
