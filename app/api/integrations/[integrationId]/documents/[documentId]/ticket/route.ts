import { NextResponse } from "next/server";
import { z } from "zod";
import { withAccount } from "@/lib/auth/api";
import { db } from "@/lib/db/client";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { reportProblem } from "@/lib/support/report-problem";
import { ticketText } from "@/lib/support/ticket-text";

type Ctx = { params: Promise<{ integrationId: string; documentId: string }> };
const bodySchema = z.object({ message: ticketText(5000).default("") });

/**
 * The red Report problem button: a ticket carrying the document, its error and the raw exchange,
 * or, when this error already has a ticket in progress, this document added to that one.
 * Answers the ticket's number and where to read it.
 */
export const POST = withAccount<Ctx>(async (req, { accountId, userId }, { params }) => {
  const { integrationId, documentId } = await params;
  const t = translator(supportMessages, await requestLocale());
  const parsed = bodySchema.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return NextResponse.json({ error: "invalid_body", message: t("errorMessageTooLong") }, { status: 400 });
  const result = await reportProblem(db(), { accountId, userId, integrationId, documentId, message: parsed.data.message });
  if (!result.ok) {
    return result.error === "document_not_found"
      ? NextResponse.json({ error: "not_found", message: t("errorDocumentNotFound") }, { status: 404 })
      : NextResponse.json({ error: "not_an_error", message: t("errorNotAnError") }, { status: 409 });
  }
  return NextResponse.json(
    {
      ticketId: result.ticketId, number: result.number, merged: result.merged, url: `/dashboard/support/${result.ticketId}`,
      message: t(result.merged ? "reportMerged" : "reportCreated", { number: result.number }),
    },
    { status: result.merged ? 200 : 201 },
  );
});
