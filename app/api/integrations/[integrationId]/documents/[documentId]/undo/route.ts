import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findDocument } from "@/lib/dashboard/documents";
import { db } from "@/lib/db/client";
import { undoBooking } from "@/lib/undo/undo-booking";

type Ctx = { params: Promise<{ integrationId: string; documentId: string }> };

const refusals = {
  not_booked: [409, "This document is not booked (any more), so there is nothing to undo."],
  not_supported: [422, "The accounting system's API does not allow undoing this booking."],
  busy: [409, "This document is being processed right now; try again in a moment."],
} as const;

/** "Undo booking" on More info: deletes or credits the booking in the accounting system (after the confirm dialog). */
export const POST = withAccount<Ctx>(async (_req, { accountId, userId }, { params }) => {
  const { integrationId, documentId } = await params;
  const document = await findDocument(db(), accountId, integrationId, documentId);
  if (!document) return notFoundJson();
  const outcome = await undoBooking(db(), documentId, { actor: "merchant", actorId: userId });
  if (outcome.ok) return NextResponse.json(outcome);
  if (outcome.reason === "target") return NextResponse.json({ error: outcome.failure.code, message: outcome.failure.message }, { status: 502 });
  const [status, message] = refusals[outcome.reason];
  return NextResponse.json({ error: outcome.reason, message }, { status });
});
