import { NextResponse } from "next/server";
import { z } from "zod";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findDocument } from "@/lib/dashboard/documents";
import { db } from "@/lib/db/client";

type Ctx = { params: Promise<{ integrationId: string; documentId: string }> };
const bodySchema = z.object({ message: z.string().trim().max(5000).default("") });

/** The red Report problem button: a ticket with the document and its error attached. */
export const POST = withAccount<Ctx>(async (req, { accountId }, { params }) => {
  const { integrationId, documentId } = await params;
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) return notFoundJson();
  const parsed = bodySchema.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return NextResponse.json({ error: "invalid_body", message: "The message is too long (5000 characters at most)." }, { status: 400 });
  const ticket = await db().ticket.create({
    data: {
      accountId, integrationId, documentId,
      subject: `${document.kind} ${document.sourceNumber ?? document.sourceId}: ${document.errorCode ?? document.status}`,
      message: [parsed.data.message, document.errorDetail && `Error: ${document.errorDetail}`].filter(Boolean).join("\n\n") || "(no message)",
    },
  });
  return NextResponse.json({ ticketId: ticket.id }, { status: 201 });
});
