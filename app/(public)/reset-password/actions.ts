"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";

/** "Save the new password": with a valid link, once; back to the form with what was wrong otherwise. */
export async function resetPasswordAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const result = await resetPassword(db(), token, String(form.get("password") ?? ""), String(form.get("confirm") ?? ""));
  if (result.ok) redirect("/login?reset=1");
  redirect(`/reset-password?token=${encodeURIComponent(token)}&error=${result.error}`);
}
