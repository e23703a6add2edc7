import { currentAccount } from "@/lib/auth/session";
import { VIEW_AS_STOP_PATH } from "@/lib/auth/view-as";
import { db } from "@/lib/db/client";
import { viewAsMessages } from "@/lib/i18n/messages/view-as";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

/** "Viewing <company> read-only · Stop": shown on every page while an operator views a merchant's dashboard. */
export async function ViewAsBanner() {
  const account = await currentAccount();
  if (!account?.readOnly) return null;
  const company = (await db().account.findUnique({ where: { id: account.accountId }, select: { name: true } }))?.name ?? "";
  const t = translator(viewAsMessages, await requestLocale());
  return (
    <div role="region" aria-label={t("bannerLabel")} className="border-b border-amber-400 bg-amber-200 text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-6 py-2 text-sm">
        <span data-testid="view-as-banner" className="font-medium">{t("banner", { company })}</span>
        <span aria-hidden>·</span>
        <form method="post" action={VIEW_AS_STOP_PATH}>
          <button type="submit" className="rounded border border-amber-700 px-2 py-0.5 font-medium hover:bg-amber-300 focus-visible:outline-2 focus-visible:outline-amber-900">{t("stop")}</button>
        </form>
      </div>
    </div>
  );
}
