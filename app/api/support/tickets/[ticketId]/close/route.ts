import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { seeOther, withParam } from "@/lib/support/http";
import { closeTicket } from "@/lib/support/reply-ticket";

type Ctx = { params: Promise<{ ticketId: string }> };

/** "Close" on the merchant's ticket page. */
export async function POST(_req: Request, { params }: Ctx) {
  const { ticketId } = await params;
  const account = await currentAccount();
  if (!account) return seeOther("/login");
  if (!(await closeTicket(db(), account.accountId, ticketId))) return seeOther("/dashboard/support?error=not-found");
  return seeOther(withParam(`/dashboard/support/${encodeURIComponent(ticketId)}`, "notice", "closed"));
}
