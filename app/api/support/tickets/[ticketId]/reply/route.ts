import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { seeOther, withParam } from "@/lib/support/http";
import { replyAsMerchant, replySchema } from "@/lib/support/reply-ticket";

type Ctx = { params: Promise<{ ticketId: string }> };

/** The reply form on the merchant's ticket page (a plain form post, back to the page with a notice or an error). */
export async function POST(req: Request, { params }: Ctx) {
  const { ticketId } = await params;
  const account = await currentAccount();
  if (!account) return seeOther("/login");
  const page = `/dashboard/support/${encodeURIComponent(ticketId)}`;
  const form = await req.formData().catch(() => null);
  const parsed = replySchema.safeParse({ message: form?.get("message") ?? "" });
  if (!parsed.success) return seeOther(withParam(page, "error", "message"));
  if (!(await replyAsMerchant(db(), account.accountId, account.userId, ticketId, parsed.data.message))) return seeOther("/dashboard/support?error=not-found");
  return seeOther(withParam(page, "notice", "replied"));
}
