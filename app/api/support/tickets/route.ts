import { NextResponse } from "next/server";
import { withAccount } from "@/lib/auth/api";
import { db } from "@/lib/db/client";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { askQuestion, questionSchema } from "@/lib/support/ask-question";

/** The green Ask us button: a question ticket (subject, message, optionally one of the account's integrations). */
export const POST = withAccount(async (req, { accountId, userId }) => {
  const t = translator(supportMessages, await requestLocale());
  const parsed = questionSchema.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return NextResponse.json({ error: "invalid_body", field, message: t(field === "subject" ? "errorSubject" : "errorMessage") }, { status: 400 });
  }
  const result = await askQuestion(db(), accountId, userId, parsed.data);
  if (!result.ok) return NextResponse.json({ error: "integration_not_found", field: "integrationId", message: t("errorIntegration") }, { status: 404 });
  return NextResponse.json(
    { ticketId: result.ticketId, number: result.number, url: `/dashboard/support/${result.ticketId}`, message: t("askCreated", { number: result.number }) },
    { status: 201 },
  );
});
