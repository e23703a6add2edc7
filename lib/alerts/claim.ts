import type { Db } from "../db/client";
import { isUniqueViolation } from "../integrations/license-key";

export type AlertSubject = { accountId: string; kind: "new-cause" | "reconnect" | "digest" | "weekly"; key: string; subjectId?: string };
type Previous = { sentAt: Date; subjectId: string | null };

/**
 * Claims an alert so that it is mailed at most once, whatever runs in parallel: the first claim
 * creates the row; a later one only takes it over when `reopen` says the earlier alert is over
 * (the cause cleared, the connection worked again), and then only if nobody else took it first.
 */
export async function claimAlert(db: Db, subject: AlertSubject, reopen: (previous: Previous) => Promise<boolean> = async () => false, now = new Date()): Promise<boolean> {
  const id = { accountId: subject.accountId, kind: subject.kind, key: subject.key };
  const previous = await db.alertSent.findUnique({ where: { accountId_kind_key: id }, select: { sentAt: true, subjectId: true } });
  if (!previous) {
    try {
      await db.alertSent.create({ data: { ...id, subjectId: subject.subjectId ?? null, sentAt: now } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false; // claimed by a parallel run
      throw err;
    }
  }
  if (!(await reopen(previous))) return false;
  const taken = await db.alertSent.updateMany({ where: { ...id, sentAt: previous.sentAt }, data: { sentAt: now, subjectId: subject.subjectId ?? null, mailId: null } });
  return taken.count === 1;
}

/** Notes which mail carried the alert (none when the merchant switched this alert off). */
export const recordAlertMail = (db: Db, subject: AlertSubject, mailId: string) =>
  db.alertSent.update({ where: { accountId_kind_key: { accountId: subject.accountId, kind: subject.kind, key: subject.key } }, data: { mailId } });
