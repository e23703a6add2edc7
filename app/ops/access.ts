import { notFound } from "next/navigation";
import { requireAccount, type AccountSession } from "@/lib/auth/session";
import { isSandbox } from "@/lib/config/env";
import { db } from "@/lib/db/client";

/**
 * The ops pages show every merchant's jobs: any signed-in user in sandbox mode, otherwise only
 * operators. Checked in every page (a layout check is not enough in the App Router).
 */
export async function requireOperator(): Promise<AccountSession> {
  const account = await requireAccount();
  if (isSandbox()) return account;
  const user = await db().user.findUnique({ where: { id: account.userId }, select: { role: true } });
  if (user?.role !== "operator") notFound();
  return account;
}
