import { notFound } from "next/navigation";
import { systemNames } from "@/connectors/types";
import { LoginForm } from "@/components/login-form";
import { TrialForm } from "@/components/trial-form";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/locale";
import { appStoreMessages } from "@/lib/i18n/messages/signup-app-store";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { appStoreShopOf, type AppStoreHandshake } from "@/lib/install/app-store-handshake";
import { readClaimToken } from "@/lib/install/claim-token";
import { findPendingInstall } from "@/lib/install/pending-installs";
import { trialEnd } from "@/lib/integrations/settings";
import { trialFormOptions } from "@/lib/signup/form-options";
import { InstallShell, one } from "../install-shell";
import { startTrialFromAppStore } from "./actions";

export const dynamic = "force-dynamic";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";

/**
 * Where an App Store install that started in the shop's backend lands (the store's redirect sent
 * no license key). An existing customer logs in and picks, or types, the integration to connect
 * the shop to (posts to /api/install/claim); a new customer starts a trial right here, which
 * creates the account and the integration with the shop connected.
 */
export default async function AppStoreInstallPage({ params, searchParams }: {
  params: Promise<{ system: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { system } = await params;
  if (system !== "kmoshops" && system !== "ccvshop") notFound();
  const query = await searchParams;
  const token = one(query.claim);
  const error = one(query.error) || undefined;
  const locale = await requestLocale();
  const t = translator(appStoreMessages, locale);
  const shopSystem = systemNames[system];
  const title = t("title", { shop: shopSystem });
  const language = { locale, back: `/install/app-store/${system}?claim=${encodeURIComponent(token)}` };

  const claim = readClaimToken(token);
  const pending = claim?.system === system ? await findPendingInstall<AppStoreHandshake>(db(), { id: claim.pendingId }) : null;
  if (!pending || pending.integrationId) {
    return <InstallShell title={title} error={error} language={language}><p>{t("expired", { shop: shopSystem })}</p></InstallShell>;
  }
  const shop = appStoreShopOf(system, pending.payload);

  const account = await currentAccount();
  if (!account) {
    const options = trialFormOptions(locale);
    return (
      <InstallShell title={title} error={error} language={language}>
        <p>{t("installed", { shopName: shop.shopName })}</p>
        <section aria-labelledby="existing-customer" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="existing-customer" className="text-base font-semibold">{t("existingHeading")}</h2>
          <p>{t("existingText")}</p>
          <LoginForm stay />
        </section>
        <section aria-labelledby="new-customer" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-customer" className="text-base font-semibold">{t("newHeading")}</h2>
          <p>{t("newText", { trialEnd: formatDate(locale, trialEnd()) })}</p>
          <TrialForm
            locale={locale}
            action={startTrialFromAppStore.bind(null, token, system)}
            initial={{ source: system, target: "", locale }}
            countries={options.countries}
            fixedSource={system}
            targets={options.targets}
            submitLabel={t("newSubmit")}
            label={t("newForm")}
            emailHelp={t("newEmailHelp")}
          />
        </section>
      </InstallShell>
    );
  }

  const integrations = await db().integration.findMany({
    where: { accountId: account.accountId, sourceSystem: system, status: { not: "cancelled" } },
    orderBy: { createdAt: "desc" },
    select: { licenseKey: true, name: true, status: true },
  });
  return (
    <InstallShell title={title} error={error} language={language}>
      <p>{t("pickText", { shopName: shop.shopName })}</p>
      <form method="post" action="/api/install/claim" className="space-y-3">
        <input type="hidden" name="claim" value={token} />
        {integrations.length > 0 && (
          <label className="block">
            <span className="font-medium">{t("integration")}</span>
            <select name="integration" defaultValue={integrations.find((i) => i.status === "installing")?.licenseKey ?? integrations[0]!.licenseKey} className={input}>
              {integrations.map((i) => <option key={i.licenseKey} value={i.licenseKey}>{i.name} ({i.licenseKey})</option>)}
            </select>
          </label>
        )}
        <label className="block">
          <span className="font-medium">{integrations.length > 0 ? t("orLicenseKey") : t("licenseKey")}</span>
          <input name="licenseKey" autoComplete="off" placeholder={t("licenseKeyPlaceholder")} className={`${input} font-mono`} />
        </label>
        <button type="submit" className="w-full rounded-md bg-green-600 px-4 py-2 font-medium text-white hover:bg-green-700">{t("connect")}</button>
      </form>
    </InstallShell>
  );
}
