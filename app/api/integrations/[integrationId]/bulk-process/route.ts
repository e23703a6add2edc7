import { NextResponse } from "next/server";
import { z } from "zod";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findIntegration } from "@/lib/dashboard/integrations";
import { MAX_SELECTED, requeueSelected } from "@/lib/dashboard/requeue-documents";
import { sendProcessEvents } from "@/lib/dashboard/send-process-events";
import { db } from "@/lib/db/client";
import { lifecycleRefusal } from "@/lib/integrations/lifecycle-refusal";
import { listsMessages } from "@/lib/i18n/messages/lists";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

type Ctx = { params: Promise<{ integrationId: string }> };

const bodySchema = z.object({ documentIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_SELECTED) });

/** "Process selected" on the Errors and Open tabs: requeues the ticked documents in one request. */
export const POST = withAccount<Ctx>(async (req, account, { params }) => {
  const { integrationId } = await params;
  const locale = await requestLocale();
  const t = translator(listsMessages, locale);
  if (!(await findIntegration(db(), account.accountId, integrationId))) return notFoundJson();
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    const tooMany = parsed.error.issues.some((i) => i.code === "too_big");
    const empty = parsed.error.issues.some((i) => i.code === "too_small");
    const message = tooMany ? t("bulkTooMany", { max: MAX_SELECTED }) : empty ? t("bulkNothingSelected") : t("badBody");
    return NextResponse.json({ error: "invalid_request", message }, { status: 400 });
  }
  const refused = await lifecycleRefusal(db(), account.accountId, integrationId, "book", locale);
  if (refused) return refused;
  const ids = await requeueSelected(db(), { accountId: account.accountId, integrationId, userId: account.userId }, parsed.data.documentIds);
  await sendProcessEvents(integrationId, ids);
  if (ids.length === 0) return NextResponse.json({ error: "nothing_queued", queued: 0, message: t("bulkNoneQueued") }, { status: 409 });
  return NextResponse.json({ queued: ids.length, message: ids.length === 1 ? t("bulkQueuedOne") : t("bulkQueued", { count: ids.length }) }, { status: 202 });
});
