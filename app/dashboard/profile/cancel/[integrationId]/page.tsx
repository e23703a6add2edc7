import { notFound } from "next/navigation";
import { requireAccount } from "@/lib/auth/session";
import { isAccountOwner } from "@/lib/billing/invoices";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/locale";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { isCancelled } from "@/lib/integrations/lifecycle";
import { CancelForm } from "./cancel-form";

/** Cancel integration: what it means, then a confirmation. As of today only, as the manuals say. */
export default async function CancelIntegrationPage({ params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { userId, accountId } = await requireAccount();
  const integration = await db().integration.findFirst({ where: { id: integrationId, accountId }, select: { id: true, name: true, licenseKey: true, status: true } });
  if (!integration || !(await isAccountOwner(db(), userId, accountId))) notFound();
  const locale = await requestLocale();
  const t = translator(billingMessages, locale);
  if (isCancelled(integration.status)) {
    return <p role="status" className="text-sm">{t("cancelAlready", { name: integration.name })}</p>;
  }
  return (
    <section aria-labelledby="cancel-title" className="max-w-2xl">
      <h1 id="cancel-title" className="text-2xl font-semibold">{t("cancelTitle")}</h1>
      <p className="mt-4 text-sm">{t("cancelIntro", { name: integration.name, key: integration.licenseKey, date: formatDate(locale, new Date()) })}</p>
      <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("cancelEffectNothing")}</li>
        <li>{t("cancelEffectVisible")}</li>
        <li>{t("cancelEffectWebhooks")}</li>
        <li>{t("cancelEffectInvoice")}</li>
      </ul>
      <CancelForm integrationId={integration.id} labels={{ confirm: t("cancelConfirmLabel"), submit: t("cancelConfirmButton"), keep: t("cancelKeep") }} />
    </section>
  );
}
