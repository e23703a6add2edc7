import { notFound, redirect } from "next/navigation";
import { isOperator } from "@/lib/auth/operator";
import { signedInUser, type AccountSession } from "@/lib/auth/session";
import { isSandbox } from "@/lib/config/env";
import { db } from "@/lib/db/client";

/**
 * The ops pages are checked in every page (a layout check is not enough in the App Router), always
 * against the user who signed in, never a merchant being viewed read-only.
 */

/** The job runs (/ops/runs): any signed-in user in sandbox mode, otherwise only operators. */
export async function requireOperator(): Promise<AccountSession> {
  const user = await signedInUser();
  if (!user) redirect("/login");
  if (isSandbox()) return user;
  if (!(await isOperator(db(), user.userId))) notFound();
  return user;
}

/** Merchants and tickets: the operator role in every mode; anyone else gets 404, as if nothing were here. */
export async function requireOperatorRole(): Promise<AccountSession> {
  const user = await signedInUser();
  if (!user) redirect("/login");
  if (!(await isOperator(db(), user.userId))) notFound();
  return user;
}
