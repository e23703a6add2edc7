import { cookies } from "next/headers";
import { VIEW_AS_COOKIE, verifyViewAs } from "@/lib/auth/view-as";
import { signedInUser } from "@/lib/auth/session";
import { seeOther } from "@/lib/support/http";

/**
 * Stop viewing a merchant's dashboard (the banner's Stop). The one POST the read-only choke point
 * lets through; it only ever removes the cookie, so anyone may call it.
 */
export async function POST() {
  const jar = await cookies();
  const claim = verifyViewAs(jar.get(VIEW_AS_COOKIE)?.value);
  jar.delete(VIEW_AS_COOKIE);
  const user = await signedInUser();
  if (claim && user) console.info(`[view-as] ${new Date().toISOString()} operator ${user.email} (${user.userId}) stopped viewing account ${claim.accountId}`);
  return seeOther(!user ? "/login" : claim ? `/ops/merchants/${encodeURIComponent(claim.accountId)}` : "/dashboard");
}
