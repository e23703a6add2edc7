import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { viewedAccount } from "./operator";
import { authOptions } from "./options";
import { VIEW_AS_COOKIE } from "./view-as";

/**
 * Whose data this request sees. Normally the signed-in user's own account. While an operator views
 * a merchant's dashboard (lib/auth/view-as.ts) it is that merchant's: `readOnly` is true and
 * `operatorId` names the operator; nothing may be changed then (lib/auth/read-only-guard.ts).
 */
export type AccountSession = { userId: string; accountId: string; email: string; readOnly?: boolean; operatorId?: string };

/** The user who actually signed in, never a viewed merchant (the operator area, access checks). */
// Memoized per request (layouts, page and language all ask); outside a render it is a plain call.
export const signedInUser = cache(async (): Promise<AccountSession | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.accountId || !session.userId) return null;
  return { userId: session.userId, accountId: session.accountId, email: session.user?.email ?? "" };
});

/**
 * The account whose data this request may read, or null. Every query of merchant data is scoped by
 * its accountId. The view-as cookie is honoured only for the operator who started it.
 */
export const currentAccount = cache(async (): Promise<AccountSession | null> => {
  const user = await signedInUser();
  if (!user) return null;
  const cookie = (await cookies()).get(VIEW_AS_COOKIE)?.value;
  if (!cookie) return user;
  return (await viewedAccount(db(), user.userId, cookie)) ?? user;
});

/** For pages: the account, or a redirect to the login page. */
export async function requireAccount(): Promise<AccountSession> {
  const account = await currentAccount();
  if (!account) redirect("/login");
  return account;
}
