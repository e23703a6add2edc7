import { cookies } from "next/headers";
import { VIEW_AS_COOKIE, VIEW_AS_TTL_MS, signViewAs, viewAsCookieOptions } from "@/lib/auth/view-as";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { seeOther } from "@/lib/support/http";
import { withOperator } from "@/lib/support/operator-route";

/**
 * "Open dashboard (read-only)": the operator sees the merchant's dashboard as the merchant does,
 * for 30 minutes at most, until Stop or logout. Every start is logged (who, whom, when).
 */
export const POST = withOperator(async (req, operator) => {
  const form = await req.formData().catch(() => null);
  const accountId = String(form?.get("accountId") ?? "");
  const account = accountId ? await db().account.findUnique({ where: { id: accountId }, select: { id: true, name: true } }) : null;
  if (!account) return seeOther("/ops/merchants?error=not-found");
  const now = Date.now();
  (await cookies()).set(VIEW_AS_COOKIE, signViewAs({ accountId: account.id, operatorId: operator.userId, expiresAt: now + VIEW_AS_TTL_MS }), viewAsCookieOptions(env().APP_URL));
  console.info(`[view-as] ${new Date(now).toISOString()} operator ${operator.email} (${operator.userId}) started viewing account "${account.name}" (${account.id}) read-only`);
  return seeOther("/dashboard");
});
