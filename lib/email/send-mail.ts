import nodemailer from "nodemailer";
import { env } from "../config/env";
import type { Db } from "../db/client";
import type { Locale } from "../i18n/locale";

export type OutgoingMail = {
  kind: string;
  locale: Locale;
  to: string;
  subject: string;
  text: string;
  html?: string;
  accountId?: string;
  /**
   * What the Mail table keeps of the text when the mail goes out over SMTP, for a mail carrying a
   * secret (a password reset link). Without SMTP the table is the local mailbox and keeps it all.
   */
  keptText?: string;
};

type Transport = { sendMail(mail: { from: string; to: string; cc?: string; subject: string; text: string; html?: string }): Promise<unknown> };

let smtp: Transport | undefined;
const smtpTransport = (url: string): Transport => (smtp ??= nodemailer.createTransport(url));

/**
 * Sends one mail and keeps it (table Mail). With SMTP_URL configured it goes out over SMTP, copied
 * to the account's extra notification address; without it (embedded/sandbox mode) it is only kept,
 * and the local mailbox page (/mailbox) shows it, so the whole journey works on one machine.
 * A failed SMTP send is kept with its error instead of failing the merchant's action.
 */
export async function sendMail(db: Db, mail: OutgoingMail, transport?: Transport): Promise<{ id: string; sent: boolean }> {
  const cc = mail.accountId ? await notificationAddress(db, mail.accountId, mail.to) : undefined;
  const url = env().SMTP_URL;
  const via = transport ?? (url ? smtpTransport(url) : undefined);
  const kept = via && mail.keptText !== undefined ? mail.keptText : mail.text;
  const row = await db.mail.create({
    data: { kind: mail.kind, locale: mail.locale, to: cc ? `${mail.to}, ${cc}` : mail.to, subject: mail.subject, text: kept, html: mail.html, accountId: mail.accountId },
    select: { id: true },
  });
  if (!via) return { id: row.id, sent: false };
  try {
    await via.sendMail({ from: env().MAIL_FROM, to: mail.to, cc, subject: mail.subject, text: mail.text, html: mail.html });
    await db.mail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
    return { id: row.id, sent: true };
  } catch (err) {
    await db.mail.update({ where: { id: row.id }, data: { error: err instanceof Error ? err.message : String(err) } });
    return { id: row.id, sent: false };
  }
}

async function notificationAddress(db: Db, accountId: string, to: string): Promise<string | undefined> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { notificationEmail: true } });
  const extra = account?.notificationEmail?.trim();
  return extra && extra.toLowerCase() !== to.toLowerCase() ? extra : undefined;
}
