import { NextResponse } from "next/server";
import { notFoundJson, withAccount } from "@/lib/auth/api";
import { findPayment } from "@/lib/dashboard/payments";
import { db } from "@/lib/db/client";
import { lifecycleRefusal } from "@/lib/integrations/lifecycle-refusal";
import { requestLocale } from "@/lib/i18n/request-locale";
import { reprocessPayment } from "@/lib/pipeline/payment-status";
import { inngest } from "@/inngest/client";
import { paymentReceived } from "@/inngest/events";

type Ctx = { params: Promise<{ integrationId: string; paymentId: string }> };

/** The blue Process button of a payment (Payments and Errors tabs): link it to its invoice now, with fresh tries. */
export const POST = withAccount<Ctx>(async (_req, { accountId }, { params }) => {
  const { integrationId, paymentId } = await params;
  const payment = await findPayment(db(), accountId, integrationId, paymentId);
  if (!payment) return notFoundJson();
  const refused = await lifecycleRefusal(db(), accountId, integrationId, "book", await requestLocale());
  if (refused) return refused;
  if (!(await reprocessPayment(db(), paymentId))) {
    return NextResponse.json({ error: "already_booked", message: "This payment is already booked; it is never booked twice." }, { status: 409 });
  }
  await inngest.send(paymentReceived.create({ paymentId, integrationId }));
  return NextResponse.json({ queued: true }, { status: 202 });
});
