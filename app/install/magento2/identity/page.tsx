import { parseIdentityLink, shopDomain, type ActivationCallback } from "@/connectors/magento2/install";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { localizeKnown } from "@/lib/i18n/match-message";
import { loginAnswers, loginMessages } from "@/lib/i18n/messages/login";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { identityPageUrl } from "@/lib/install/magento2-identity";
import { findPendingInstall } from "@/lib/install/pending-installs";
import { LoginForm } from "@/components/login-form";
import { RichText } from "@/components/rich-text";
import { focusRing } from "@/components/ui-classes";
import { InstallShell, one } from "../../app-store/install-shell";

export const dynamic = "force-dynamic";

/**
 * Magento's Identity link (the window that opens after Activate → Allow): the merchant logs in,
 * enters the webshop domain and the connection key (the license key from the registration mail)
 * and consents. The consent posts to /api/install/magento2/consent.
 */
export default async function Magento2IdentityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const locale = await requestLocale();
  const t = translator(loginMessages, locale);
  const title = t("magentoTitle");
  // The consent route answers in English; known answers are shown in the reader's language.
  const error = one(query.error) ? localizeKnown(loginAnswers, one(query.error), locale) : undefined;
  let link;
  try {
    link = parseIdentityLink(identityPageUrl(one(query.oauth_consumer_key), one(query.success_call_back)));
  } catch (err) {
    return <InstallShell title={title} error={(err as Error).message}><p>{t("magentoOpenFromMagento")}</p></InstallShell>;
  }

  const account = await currentAccount();
  if (!account) {
    return (
      <InstallShell title={title} error={error}>
        <p>{t("magentoLogIn")}</p>
        <LoginForm stay locale={locale} />
      </InstallShell>
    );
  }

  const pending = await findPendingInstall<ActivationCallback>(db(), { system: "magento2", shopKey: link.consumerKey });
  if (!pending) {
    return (
      <InstallShell title={title} error={error}>
        <p><RichText text={t("magentoNoKeys")} parts={{ activate: <strong>Activate</strong>, reauthorize: <strong>Reauthorize</strong> }} /></p>
      </InstallShell>
    );
  }
  const integration = pending.integrationId ? await db().integration.findUnique({ where: { id: pending.integrationId } }) : null;
  if (!integration || integration.accountId !== account.accountId) {
    return <InstallShell title={title} error={error}><p>{t("magentoOtherAccount")}</p></InstallShell>;
  }

  const input = `mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 ${focusRing}`;
  return (
    <InstallShell title={title} error={error}>
      <p>
        <RichText text={t("magentoAsks")} parts={{ shop: <strong>{shopDomain(pending.payload.storeBaseUrl)}</strong>, integration: <strong>{integration.name}</strong> }} />
      </p>
      <form method="post" action="/api/install/magento2/consent" className="space-y-3">
        <input type="hidden" name="consumerKey" value={link.consumerKey} />
        <input type="hidden" name="successCallback" value={link.successCallback} />
        <label className="block">
          <span className="font-medium">{t("webshopDomain")}</span>
          <input name="domain" required placeholder="www.jouwwebwinkel.nl" className={input} />
        </label>
        <label className="block">
          <span className="font-medium">{t("connectionKey")}</span>
          <input name="connectionKey" required autoComplete="off" placeholder={t("connectionKeyPlaceholder")} className={`${input} font-mono`} />
        </label>
        <button type="submit" className={`w-full rounded-md bg-green-600 px-4 py-2 font-medium text-white hover:bg-green-700 ${focusRing}`}>{t("consent")}</button>
      </form>
    </InstallShell>
  );
}
