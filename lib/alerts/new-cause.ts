import type { Db } from "../db/client";
import { causeKey, errorCause } from "../pipeline/error-cause";
import { describeCause, FIXED_IN_CONFIGURATION, integrationLine, links, sendAlertMail } from "./alert-mail";
import { claimAlert, recordAlertMail, type AlertSubject } from "./claim";
import type { ErrorRecorded } from "./error-recorded";
import { documentsWithCause, paymentsWithCode } from "./open-errors";
import { alertPreferences } from "./preferences";

/**
 * "A new kind of error": one mail the first time a cause (code + the parameters that decide the
 * fix, lib/pipeline/error-cause.ts) appears in an integration, however many documents it hits.
 *
 * The rule: the cause is claimed once per integration (table AlertSent). A later error with the
 * same cause mails again only when the earlier episode is over: no other document (payment) is in
 * error with it any more, and it is not the very document the first mail was about being retried
 * unfixed. So 500 documents failing with one cause, or a "retry all" before the fix, give one mail;
 * the cause coming back after it was fixed gives a new one. No time window: a window either
 * repeats the mail while the cause is still open or swallows its return after a fix (the daily
 * digest is the reminder for what stays open).
 */
export async function alertNewCause(db: Db, event: ErrorRecorded): Promise<{ sent: boolean; reason?: string }> {
  if (event.subject === "connection" || !event.subjectId) return { sent: false, reason: "no document" };
  const subjectId = event.subjectId;
  const integration = await db.integration.findUnique({ where: { id: event.integrationId }, select: { id: true, accountId: true, name: true, licenseKey: true } });
  if (!integration) return { sent: false, reason: "no integration" };
  const cause = errorCause(event.code, event.params);
  const isPayment = event.subject === "payment";
  const othersOpen = () => (isPayment ? paymentsWithCode(db, integration.id, cause.code, subjectId) : documentsWithCause(db, integration.id, cause, subjectId));

  const subject: AlertSubject = { accountId: integration.accountId, kind: "new-cause", key: `${integration.id}|${event.subject}|${causeKey(cause)}`, subjectId };
  // Claimed also when the switch is off, so switching it on later does not mail old causes.
  const claimed = await claimAlert(db, subject, async (previous) => previous.subjectId !== subjectId && (await othersOpen()) === 0);
  if (!claimed) return { sent: false, reason: "already alerted" };
  if (!(await alertPreferences(db, integration.accountId)).newCause) return { sent: false, reason: "switched off" };

  const count = (await othersOpen()) + 1;
  const urls = links(integration);
  const mail = await sendAlertMail(db, integration.accountId, "alert.new-cause", (t, locale) => {
    const what = describeCause(t, locale, cause, event.message);
    const fix = isPayment ? t("fixPayments", urls) : FIXED_IN_CONFIGURATION.has(cause.code) ? t("fixInConfiguration", urls) : t("fixOnErrors", urls);
    return {
      subject: t("newCauseSubject", { name: integration.name, what }),
      body: t("newCauseBody", {
        integration: integrationLine(t, integration), what,
        detail: [event.message, fix].filter(Boolean).join("\n\n"),
        count: t(isPayment ? "countPayments" : "countDocuments", { count }),
      }),
    };
  });
  if (mail) await recordAlertMail(db, subject, mail.id);
  return { sent: !!mail };
}
