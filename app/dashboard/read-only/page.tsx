import Link from "next/link";
import { requireAccount } from "@/lib/auth/session";
import { viewAsMessages } from "@/lib/i18n/messages/view-as";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

/** Where a change refused by the read-only view lands (form posts and server actions): why, and the way back. */
export default async function ReadOnlyPage({ searchParams }: { searchParams: Promise<{ back?: string }> }) {
  await requireAccount();
  const { back } = await searchParams;
  const t = translator(viewAsMessages, await requestLocale());
  const backPath = back && back.startsWith("/") && !back.startsWith("//") ? back : "/dashboard";
  return (
    <section aria-labelledby="read-only-heading" className="max-w-2xl space-y-3">
      <h1 id="read-only-heading" className="text-2xl font-semibold">{t("pageTitle")}</h1>
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t("refused")}</p>
      <Link href={backPath} className="text-sm text-blue-700 hover:underline">{t("back")}</Link>
    </section>
  );
}
