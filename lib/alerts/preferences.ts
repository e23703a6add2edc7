import type { Db } from "../db/client";

/** The four alert switches of an account (Profile tab). */
export type AlertPreferences = { newCause: boolean; digest: boolean; reconnect: boolean; weekly: boolean };
export const alertKinds = ["newCause", "digest", "reconnect", "weekly"] as const;

/**
 * On unless the merchant switches them off: a new error, the morning digest and a dead connection
 * all need action. The weekly summary is information only, so it is asked for, not imposed.
 */
export const ALERT_DEFAULTS: AlertPreferences = { newCause: true, digest: true, reconnect: true, weekly: false };

/** Stored per account: the mails go to the account's owner and its notification address, not per login. */
export async function alertPreferences(db: Db, accountId: string): Promise<AlertPreferences> {
  const row = await db.alertPreference.findUnique({ where: { accountId }, select: { newCause: true, digest: true, reconnect: true, weekly: true } });
  return row ?? { ...ALERT_DEFAULTS };
}

export async function saveAlertPreferences(db: Db, accountId: string, prefs: AlertPreferences): Promise<void> {
  await db.alertPreference.upsert({ where: { accountId }, create: { accountId, ...prefs }, update: prefs });
}

/** The accounts that want one kind of alert: those that switched it on, plus those that kept the default (no row) when it is on. */
export async function accountsWanting(db: Db, kind: "digest" | "weekly"): Promise<string[]> {
  const where = ALERT_DEFAULTS[kind] ? { OR: [{ alertPreference: null }, { alertPreference: { [kind]: true } }] } : { alertPreference: { [kind]: true } };
  const rows = await db.account.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}
