import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { answerSchema, answerTicket } from "@/lib/support/answer-ticket";
import { seeOther, withParam } from "@/lib/support/http";
import { withOperator } from "@/lib/support/operator-route";

type Ctx = { params: Promise<{ ticketId: string }> };

/** The operator's answer form: a reply, status answered, and a mail to the merchant in their language. */
export const POST = withOperator<Ctx>(async (req, operator, { params }) => {
  const { ticketId } = await params;
  const page = `/ops/tickets/${encodeURIComponent(ticketId)}`;
  const form = await req.formData().catch(() => null);
  const parsed = answerSchema.safeParse({ message: form?.get("message") ?? "" });
  if (!parsed.success) return seeOther(withParam(page, "error", "message"));
  const result = await answerTicket(db(), operator.userId, ticketId, parsed.data.message, env().APP_URL);
  if (!result.ok) return seeOther("/ops/tickets?error=not-found");
  return seeOther(withParam(page, "notice", "answered"));
});
