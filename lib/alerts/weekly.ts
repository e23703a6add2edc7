import Decimal from "decimal.js";
import type { Db } from "../db/client";
import { formatDate, formatMoney, type Locale } from "../i18n/locale";
import { integrationLine, links, sendAlertMail } from "./alert-mail";
import { dayAsDate, lastWeek } from "./amsterdam-time";
import { claimAlert, recordAlertMail, type AlertSubject } from "./claim";

type Sum = { currency: string; amount: Decimal };
export type WeekNumbers = {
  booked: number;
  totalIncl: Sum[];
  totalExcl: Sum[];
  paymentsBooked: number;
  paymentsAmount: Sum[];
  openDocumentErrors: number;
  openPaymentErrors: number;
};

const sums = (rows: { currency: string | null; value: { toFixed(): string } | null }[]): Sum[] =>
  rows.filter((r) => r.value !== null).map((r) => ({ currency: r.currency ?? "EUR", amount: new Decimal(r.value!.toFixed()) })).sort((a, b) => a.currency.localeCompare(b.currency));

/**
 * One integration's week, aggregated in SQL: documents booked in [start, end) with their totals
 * per currency, payments booked then (a booked payment is never updated again, so its updatedAt is
 * the moment it was booked), and the errors open now.
 */
export async function weekNumbers(db: Db, integrationId: string, start: Date, end: Date): Promise<WeekNumbers> {
  const [documents, payments, openDocumentErrors, openPaymentErrors] = await Promise.all([
    db.document.groupBy({ by: ["currency"], where: { integrationId, bookedAt: { gte: start, lt: end } }, _count: { _all: true }, _sum: { totalInclVat: true, totalExclVat: true } }),
    db.payment.groupBy({ by: ["currency"], where: { integrationId, status: "booked", updatedAt: { gte: start, lt: end } }, _count: { _all: true }, _sum: { amount: true } }),
    db.document.count({ where: { integrationId, status: "error" } }),
    db.payment.count({ where: { integrationId, status: "error" } }),
  ]);
  return {
    booked: documents.reduce((n, r) => n + r._count._all, 0),
    totalIncl: sums(documents.map((r) => ({ currency: r.currency, value: r._sum.totalInclVat }))),
    totalExcl: sums(documents.map((r) => ({ currency: r.currency, value: r._sum.totalExclVat }))),
    paymentsBooked: payments.reduce((n, r) => n + r._count._all, 0),
    paymentsAmount: sums(payments.map((r) => ({ currency: r.currency, value: r._sum.amount }))),
    openDocumentErrors,
    openPaymentErrors,
  };
}

const money = (locale: Locale, list: Sum[]) => (list.length ? list.map((s) => formatMoney(locale, s.amount, s.currency)).join(" + ") : formatMoney(locale, 0));

/** The Monday summary of one account: last week per integration. Claimed per account and week. */
export async function sendWeeklySummary(db: Db, accountId: string, now: Date): Promise<{ sent: boolean }> {
  const integrations = await db.integration.findMany({ where: { accountId, status: { in: ["active", "paused"] } }, select: { id: true, name: true, licenseKey: true }, orderBy: { createdAt: "asc" } });
  if (!integrations.length) return { sent: false };
  const week = lastWeek(now);
  const numbers = await Promise.all(integrations.map(async (i) => ({ integration: i, week: await weekNumbers(db, i.id, week.start, week.end) })));

  const subject: AlertSubject = { accountId, kind: "weekly", key: week.monday };
  if (!(await claimAlert(db, subject))) return { sent: false };
  const mail = await sendAlertMail(db, accountId, "alert.weekly", (t, locale) => {
    const range = { start: formatDate(locale, dayAsDate(week.monday)), end: formatDate(locale, dayAsDate(week.sunday)) };
    return {
      subject: t("weeklySubject", range),
      body: [
        t("weeklyIntro", range),
        ...numbers.map(({ integration, week: n }) => [
          "",
          t("weeklyIntegration", { integration: integrationLine(t, integration) }),
          t("weeklyBooked", { count: n.booked }),
          t("weeklyTotals", { incl: money(locale, n.totalIncl), excl: money(locale, n.totalExcl) }),
          t("weeklyPayments", { count: n.paymentsBooked, amount: n.paymentsBooked ? t("weeklyPaymentsAmount", { amount: money(locale, n.paymentsAmount) }) : "" }),
          t("weeklyErrors", { documents: n.openDocumentErrors, payments: n.openPaymentErrors }),
          t("weeklyLink", links(integration)),
        ].join("\n")),
      ].join("\n"),
    };
  });
  if (mail) await recordAlertMail(db, subject, mail.id);
  return { sent: !!mail };
}
