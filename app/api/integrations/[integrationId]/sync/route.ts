import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { lifecycleRefusal } from "@/lib/integrations/lifecycle-refusal";
import { requestLocale } from "@/lib/i18n/request-locale";
import { inngest } from "@/inngest/client";
import { integrationSyncRequested } from "@/inngest/events";

type Ctx = { params: Promise<{ integrationId: string }> };

/** The dashboard's "Fetch now". */
export const POST = withAccount<Ctx>(async (_req, { accountId }, { params }) => {
  const { integrationId } = await params;
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) return notFoundJson();
  const refused = await lifecycleRefusal(db(), accountId, integrationId, "fetch", await requestLocale());
  if (refused) return refused;
  const { ids } = await inngest.send(integrationSyncRequested.create({ licenseKey: integration.licenseKey }));
  return NextResponse.json({ queued: true, eventId: ids[0] }, { status: 202 });
});
