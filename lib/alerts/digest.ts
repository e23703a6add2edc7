import type { Db } from "../db/client";
import { formatDate } from "../i18n/locale";
import { errorHeadline } from "../i18n/messages/error-headlines";
import { describeCause, integrationLine, links, sendAlertMail } from "./alert-mail";
import { amsterdamDay, dayAsDate } from "./amsterdam-time";
import { claimAlert, recordAlertMail, type AlertSubject } from "./claim";
import { documentErrorsByCause, paymentErrorsByCode, type CauseCount } from "./open-errors";

/** Integrations whose errors the merchant is told about: not the cancelled ones. */
const watched = { status: { not: "cancelled" } } as const;

/**
 * The morning digest of one account: per integration with open errors, the count per cause and
 * the link to its Errors tab. Nothing is sent when nothing is open. Claimed per account and day,
 * so a second run of the same morning sends nothing.
 */
export async function sendDigest(db: Db, accountId: string, now: Date): Promise<{ sent: boolean; errors: number }> {
  const integrations = await db.integration.findMany({ where: { accountId, ...watched }, select: { id: true, name: true, licenseKey: true }, orderBy: { createdAt: "asc" } });
  const sections: { integration: { id: string; name: string; licenseKey: string }; documents: CauseCount[]; payments: { code: string; count: number }[]; count: number }[] = [];
  let total = 0;
  for (const integration of integrations) {
    const [documents, payments] = await Promise.all([documentErrorsByCause(db, integration.id), paymentErrorsByCode(db, integration.id)]);
    const count = documents.reduce((n, c) => n + c.count, 0) + payments.reduce((n, p) => n + p.count, 0);
    if (count) sections.push({ integration, documents, payments, count });
    total += count;
  }
  if (!total) return { sent: false, errors: 0 };

  const day = amsterdamDay(now);
  const subject: AlertSubject = { accountId, kind: "digest", key: day };
  if (!(await claimAlert(db, subject))) return { sent: false, errors: total };
  const mail = await sendAlertMail(db, accountId, "alert.digest", (t, locale) => ({
    subject: t("digestSubject", { count: total }),
    body: [
      t("digestIntro", { date: formatDate(locale, dayAsDate(day)) }),
      ...sections.map((s) => [
        "",
        t("digestIntegration", { integration: integrationLine(t, s.integration), count: s.count }),
        ...s.documents.map((c) => t("digestCause", { count: c.count, what: describeCause(t, locale, c.cause) })),
        ...s.payments.map((p) => t("digestPaymentCause", { count: p.count, what: errorHeadline(locale, p.code) ?? p.code })),
        t("digestLink", links(s.integration)),
      ].join("\n")),
    ].join("\n"),
  }));
  if (mail) await recordAlertMail(db, subject, mail.id);
  return { sent: !!mail, errors: total };
}
