import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findDocument } from "@/lib/dashboard/documents";
import { db } from "@/lib/db/client";
import { lifecycleRefusal } from "@/lib/integrations/lifecycle-refusal";
import { requestLocale } from "@/lib/i18n/request-locale";
import { reprocessDocument } from "@/lib/pipeline/reprocess-document";
import { recordAudit } from "@/lib/audit/record-audit";
import { inngest } from "@/inngest/client";
import { documentProcessRequested } from "@/inngest/events";

type Ctx = { params: Promise<{ integrationId: string; documentId: string }> };

/** The blue Process button on the Errors and Open tabs. */
export const POST = withAccount<Ctx>(async (_req, { accountId, userId }, { params }) => {
  const { integrationId, documentId } = await params;
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) return notFoundJson();
  const refused = await lifecycleRefusal(db(), accountId, integrationId, "book", await requestLocale());
  if (refused) return refused;
  if (!(await reprocessDocument(db(), documentId))) {
    return NextResponse.json({ error: "already_booked", message: "This document is already booked; it is never booked twice." }, { status: 409 });
  }
  await recordAudit(db(), { actor: "merchant", actorId: userId, integrationId, documentId, action: "document.process" });
  await inngest.send(documentProcessRequested.create({ documentId, integrationId }));
  return NextResponse.json({ queued: true }, { status: 202 });
});
