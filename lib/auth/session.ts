import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";

export type AccountSession = { userId: string; accountId: string; email: string };

/** The signed-in user's account, or null. Every query of merchant data is scoped by its accountId. */
export async function currentAccount(): Promise<AccountSession | null> {
  const session = await getServerSession(authOptions());
  if (!session?.accountId || !session.userId) return null;
  return { userId: session.userId, accountId: session.accountId, email: session.user?.email ?? "" };
}

/** For pages: the account, or a redirect to the login page. */
export async function requireAccount(): Promise<AccountSession> {
  const account = await currentAccount();
  if (!account) redirect("/login");
  return account;
}
