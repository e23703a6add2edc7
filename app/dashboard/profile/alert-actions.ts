"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { alertKinds, saveAlertPreferences } from "@/lib/alerts/preferences";
import { requireAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { alertMessages } from "@/lib/i18n/messages/alerts";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

export type AlertFormState = { ok?: boolean; message?: string };

/** A checkbox sends "on" when ticked and nothing when not; anything else is not our form. */
const box = z.literal("on").optional().transform((v) => v === "on");
const alertFormSchema = z.object({ form: z.literal("alerts"), newCause: box, digest: box, reconnect: box, weekly: box });

/** Saves the account's four alert switches (Profile tab). Refused while an operator views the account. */
export async function saveAlertSettings(_prev: AlertFormState, form: FormData): Promise<AlertFormState> {
  const session = await requireAccount();
  const t = translator(alertMessages, await requestLocale());
  if (session.readOnly) return { ok: false, message: t("readOnly") };
  const parsed = alertFormSchema.safeParse(Object.fromEntries(["form", ...alertKinds].map((k) => [k, form.get(k) ?? undefined])));
  if (!parsed.success) return { ok: false, message: t("invalid") };
  const { newCause, digest, reconnect, weekly } = parsed.data;
  await saveAlertPreferences(db(), session.accountId, { newCause, digest, reconnect, weekly });
  revalidatePath("/dashboard/profile");
  return { ok: true, message: t("saved") };
}
