import { NextResponse } from "next/server";
import type { Db } from "../db/client";
import { lifecycleMessages } from "../i18n/messages/billing-lifecycle";
import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";
import { canBook, HELD_CANCELLED, HELD_PAUSED, isCancelled } from "./lifecycle";

/**
 * The dashboard's Process and Fetch now buttons: a clear 409 when the integration's state forbids
 * the action, or null to go ahead. Only for an integration of the signed-in account.
 */
export async function lifecycleRefusal(db: Db, accountId: string, integrationId: string, action: "book" | "fetch", locale: Locale): Promise<Response | null> {
  const integration = await db.integration.findFirst({ where: { id: integrationId, accountId }, select: { status: true } });
  if (!integration) return null; // the caller answers "not found"
  const t = translator(lifecycleMessages, locale);
  if (isCancelled(integration.status)) {
    return NextResponse.json({ error: HELD_CANCELLED, message: t(action === "book" ? "processCancelled" : "fetchCancelled") }, { status: 409 });
  }
  if (action === "book" && !canBook(integration.status)) return NextResponse.json({ error: HELD_PAUSED, message: t("processPaused") }, { status: 409 });
  return null;
}
