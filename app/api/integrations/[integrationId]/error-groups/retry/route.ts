import { NextResponse } from "next/server";
import { z } from "zod";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findErrorGroup } from "@/lib/dashboard/error-groups";
import { findIntegration } from "@/lib/dashboard/integrations";
import { isValidPeriod, periodFrom } from "@/lib/dashboard/period";
import { requeueGroup } from "@/lib/dashboard/requeue-documents";
import { sendProcessEvents } from "@/lib/dashboard/send-process-events";
import { db } from "@/lib/db/client";
import { lifecycleRefusal } from "@/lib/integrations/lifecycle-refusal";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

type Ctx = { params: Promise<{ integrationId: string }> };

const bodySchema = z.object({ key: z.string().max(500), from: z.string().optional(), to: z.string().optional() });

/**
 * "Retry all in this group" on the Errors tab: every error document of one cause (in the period
 * the tab shows) back in the queue, each with the event Process sends.
 */
export const POST = withAccount<Ctx>(async (req, account, { params }) => {
  const { integrationId } = await params;
  const locale = await requestLocale();
  const t = translator(listsMessages, locale);
  if (!(await findIntegration(db(), account.accountId, integrationId))) return notFoundJson();
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalid_request", message: t("badGroup") }, { status: 400 });
  if (!isValidPeriod(parsed.data)) return NextResponse.json({ error: "invalid_period", message: t("badPeriod") }, { status: 400 });
  const refused = await lifecycleRefusal(db(), account.accountId, integrationId, "book", locale);
  if (refused) return refused;
  const period = periodFrom(parsed.data);
  const group = await findErrorGroup(db(), account.accountId, integrationId, parsed.data.key, period);
  if (!group) return NextResponse.json({ error: "group_gone", queued: 0, message: t("groupGone") }, { status: 404 });
  const ids = await requeueGroup(db(), { accountId: account.accountId, integrationId, userId: account.userId }, group, period);
  await sendProcessEvents(integrationId, ids);
  if (ids.length === 0) return NextResponse.json({ error: "nothing_queued", queued: 0, message: t("retryGroupNone") }, { status: 409 });
  return NextResponse.json({ queued: ids.length, message: ids.length === 1 ? t("bulkQueuedOne") : t("retryGroupQueued", { count: ids.length }) }, { status: 202 });
});
