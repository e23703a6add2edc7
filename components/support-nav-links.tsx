import Link from "next/link";
import { isOperator } from "@/lib/auth/operator";
import { signedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { supportMessages } from "@/lib/i18n/messages/support";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

/** The dashboard header's Support link (the merchant's tickets) and, for our operators, the operator area. */
export async function SupportNavLinks() {
  const user = await signedInUser();
  const t = translator(supportMessages, await requestLocale());
  const operator = user ? await isOperator(db(), user.userId) : false;
  return (
    <>
      <Link href="/dashboard/support" className="text-slate-600 hover:text-slate-900">{t("navSupport")}</Link>
      {operator && <Link href="/ops/tickets" className="text-slate-600 hover:text-slate-900">{t("navOperator")}</Link>}
    </>
  );
}
