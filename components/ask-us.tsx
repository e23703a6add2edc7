import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { requestLocale } from "@/lib/i18n/request-locale";
import { AskUsDialog } from "./ask-us-dialog";

/**
 * The green Ask us button (every dashboard page of an integration, the Support page): a question
 * about anything, optionally about one of the merchant's integrations (preselected when given).
 */
export async function AskUs({ integrationId }: { integrationId?: string }) {
  const account = await currentAccount();
  if (!account) return null;
  const integrations = await db().integration.findMany({
    where: { accountId: account.accountId, hiddenAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, licenseKey: true },
  });
  return <AskUsDialog locale={await requestLocale()} integrations={integrations} preselected={integrations.some((i) => i.id === integrationId) ? integrationId : undefined} />;
}
