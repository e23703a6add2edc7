import type { Db } from "../db/client";
import { parseLocale, type Locale } from "../i18n/locale";

/** Who the subscription mails go to: the account's owner (its first owner login), in the account's language. */
export type AccountOwner = { email: string; name: string; locale: Locale; accountName: string; country: string | null };

/** Null for an account without an owner login (none is created that way; a hand-made one may be). */
export async function accountOwner(db: Db, accountId: string): Promise<AccountOwner | null> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { name: true, locale: true, country: true, users: { where: { role: "owner" }, orderBy: { createdAt: "asc" }, take: 1, select: { email: true, name: true } } },
  });
  const owner = account.users[0];
  if (!owner) return null;
  return { email: owner.email, name: owner.name || account.name, locale: parseLocale(account.locale), accountName: account.name, country: account.country };
}
