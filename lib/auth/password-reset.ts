import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { hashPassword } from "../crypto/password";
import { sendMail } from "../email/send-mail";

type MailTransport = Parameters<typeof sendMail>[2];
import { parseLocale } from "../i18n/locale";
import { passwordResetMessages } from "../i18n/messages/password-reset";
import { translator } from "../i18n/translate";
import { recordSuccess } from "./login-throttle";

/**
 * "Forgot password?" by mail. The link carries a random 256-bit token; only its SHA-256 is stored,
 * so a database leak yields no usable link. A token works once, for one hour, and using it retires
 * every other token of that login. Asking answers the same whether or not the address has a login.
 */
export const RESET_TTL_MS = 60 * 60_000;
/** At most this many links per login per TTL: the request form cannot be used to flood a mailbox. */
export const RESET_MAX_PER_TTL = 3;
export const MIN_PASSWORD_LENGTH = 10;

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const resetUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/+$/, "")}/reset-password?token=${encodeURIComponent(token)}`;

/** Mails a reset link when the address has a login (and has not had too many lately); says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, options: { appUrl: string; now?: Date; transport?: MailTransport }): Promise<void> {
  const now = options.now ?? new Date();
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, include: { account: { select: { locale: true } } } });
  if (!user) return;
  const recent = await db.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - RESET_TTL_MS) } } });
  if (recent >= RESET_MAX_PER_TTL) return;
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS), createdAt: now } });
  const locale = parseLocale(user.account.locale);
  const t = translator(passwordResetMessages, locale);
  const text = (link: string) => [t("mailGreeting"), "", t("mailText", { email: user.email }), link, "", t("mailExpiry"), "", t("mailSignature")].join("\n");
  // Not the account's extra notification address: the link is for the login's owner only. The Mail
  // table keeps the link only in sandbox mode, where it is the mailbox (no SMTP).
  await sendMail(db, { kind: "password-reset", locale, to: user.email, subject: t("mailSubject"), text: text(resetUrl(options.appUrl, token)), keptText: text(resetUrl(options.appUrl, "<sent, not kept>")) }, options.transport);
}

/** The login a token is for, when it is unused and unexpired. */
export async function findResetToken(db: Db, token: string, now = new Date()): Promise<{ id: string; userId: string; email: string } | null> {
  if (!token || token.length > 200) return null;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return { id: row.id, userId: row.userId, email: row.user.email };
}

export type ResetResult = { ok: true; email: string } | { ok: false; error: "invalid_link" | "too_short" | "mismatch" };

/** Sets the new password with a valid token, once: the token is claimed atomically, then every other token of the login is retired. */
export async function resetPassword(db: Db, token: string, password: string, confirm: string, now = new Date()): Promise<ResetResult> {
  const found = await findResetToken(db, token, now);
  if (!found) return { ok: false, error: "invalid_link" };
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024) return { ok: false, error: "too_short" };
  if (password !== confirm) return { ok: false, error: "mismatch" };
  // Two tabs submitting the same link: only the one that marks it used goes on.
  const claimed = await db.passwordResetToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, error: "invalid_link" };
  await db.user.update({ where: { id: found.userId }, data: { passwordHash: await hashPassword(password) } });
  await db.passwordResetToken.updateMany({ where: { userId: found.userId, usedAt: null }, data: { usedAt: now } });
  // The owner proved access to the mailbox: a lock from failed logins ends with it.
  await recordSuccess(db, found.email);
  return { ok: true, email: found.email };
}
