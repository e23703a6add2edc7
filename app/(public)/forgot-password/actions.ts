"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";

/**
 * "Mail me a reset link": the same answer, at the same speed, whether or not the address has a
 * login; the lookup and the mail happen after the answer was sent.
 */
export async function requestResetAction(form: FormData): Promise<void> {
  const email = String(form.get("email") ?? "").trim().slice(0, 254);
  if (!z.email().safeParse(email).success) redirect("/forgot-password?error=invalid");
  after(() => requestPasswordReset(db(), email, { appUrl: env().APP_URL }).catch((err: unknown) => console.error("[password-reset] request failed:", (err as Error).message)));
  redirect(`/forgot-password?sent=${encodeURIComponent(email)}`);
}
