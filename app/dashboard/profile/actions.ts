"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAccount } from "@/lib/auth/session";
import { cancelIntegration } from "@/lib/billing/cancel-integration";
import { isAccountOwner } from "@/lib/billing/invoices";
import { db } from "@/lib/db/client";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { isCancelled } from "@/lib/integrations/lifecycle";

/** The Profile tab's actions: the extra notification address, cancelling an integration, removing a cancelled key from the list. */
export type FormState = { ok?: boolean; message?: string; value?: string };

const t = async () => translator(billingMessages, await requestLocale());
const emailSchema = z.email().max(254);

/** Saves (intent=save) or removes (intent=remove) the account's extra notification address. */
export async function updateNotificationEmail(_prev: FormState, form: FormData): Promise<FormState> {
  const { accountId, email: login } = await requireAccount();
  const tr = await t();
  if (form.get("intent") === "remove") {
    await db().account.update({ where: { id: accountId }, data: { notificationEmail: null } });
    revalidatePath("/dashboard/profile");
    return { ok: true, message: tr("notifyRemoved", { email: login }), value: "" };
  }
  const value = String(form.get("notificationEmail") ?? "").trim();
  if (!emailSchema.safeParse(value).success) return { ok: false, message: tr("notifyInvalid"), value };
  if (value.toLowerCase() === login.toLowerCase()) return { ok: false, message: tr("notifySame"), value };
  await db().account.update({ where: { id: accountId }, data: { notificationEmail: value } });
  revalidatePath("/dashboard/profile");
  return { ok: true, message: tr("notifySaved", { email: value }), value };
}

/** Cancel as of today, after the merchant ticked the confirmation; the account's owner only. */
export async function cancelIntegrationAction(integrationId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { userId, accountId } = await requireAccount();
  const tr = await t();
  const integration = await db().integration.findFirst({ where: { id: integrationId, accountId }, select: { id: true, status: true } });
  if (!integration || !(await isAccountOwner(db(), userId, accountId))) return { ok: false, message: tr("notFound") };
  if (form.get("confirm") !== "yes") return { ok: false, message: tr("cancelMustConfirm") };
  if (!isCancelled(integration.status)) await cancelIntegration(db(), integration.id);
  revalidatePath("/dashboard", "layout");
  redirect(`/dashboard/profile?cancelled=${encodeURIComponent(integration.id)}`);
}

/** Removes a cancelled license key from the switcher (and the Profile lists); its data stays. */
export async function hideLicenseKey(form: FormData): Promise<void> {
  const { accountId } = await requireAccount();
  const integrationId = String(form.get("integrationId") ?? "");
  const integration = await db().integration.findFirst({ where: { id: integrationId, accountId }, select: { id: true, licenseKey: true, status: true } });
  if (!integration) redirect("/dashboard/profile?keyError=not-found#license-keys");
  if (!isCancelled(integration.status)) redirect("/dashboard/profile?keyError=not-cancelled#license-keys");
  await db().integration.update({ where: { id: integration.id }, data: { hiddenAt: new Date() } });
  revalidatePath("/dashboard", "layout");
  redirect(`/dashboard/profile?removed=${encodeURIComponent(integration.licenseKey)}#license-keys`);
}
