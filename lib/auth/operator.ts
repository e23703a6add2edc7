import type { Db } from "../db/client";
import { verifyViewAs } from "./view-as";

export const OPERATOR_ROLE = "operator";

/** Whether this user is one of our support operators (User.role), looked up fresh on every request. */
export async function isOperator(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role === OPERATOR_ROLE;
}

export type ViewedAccount = { userId: string; accountId: string; email: string; readOnly: true; operatorId: string };

/**
 * The merchant account an operator is viewing read-only, or null when the cookie must be ignored:
 * forged, altered or expired, started by another user, the signed-in user is not (or no longer) an
 * operator, or the account is gone. The merchant's first owner stands in as the user, so every page
 * shows exactly what the merchant sees.
 */
export async function viewedAccount(db: Db, signedInUserId: string, cookie: string | undefined, now = Date.now()): Promise<ViewedAccount | null> {
  const claim = verifyViewAs(cookie, now);
  if (!claim || claim.operatorId !== signedInUserId) return null;
  if (!(await isOperator(db, signedInUserId))) return null;
  const account = await db.account.findUnique({
    where: { id: claim.accountId },
    select: { id: true, users: { orderBy: { createdAt: "asc" }, take: 1, select: { id: true, email: true } } },
  });
  if (!account) return null;
  const merchant = account.users[0];
  return { userId: merchant?.id ?? signedInUserId, accountId: account.id, email: merchant?.email ?? "", readOnly: true, operatorId: signedInUserId };
}
