import { parseIdentityLink, shopDomain, type ActivationCallback } from "@/connectors/magento2/install";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { identityPageUrl } from "@/lib/install/magento2-identity";
import { findPendingInstall } from "@/lib/install/pending-installs";
import { LoginForm } from "@/components/login-form";
import { InstallShell, one } from "../../app-store/install-shell";

export const dynamic = "force-dynamic";

const TITLE = "Connect your Magento webshop";

/**
 * Magento's Identity link (the window that opens after Activate → Allow): the merchant logs in,
 * enters the webshop domain and the connection key (the license key from the registration mail)
 * and consents. The consent posts to /api/install/magento2/consent.
 */
export default async function Magento2IdentityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const error = one(query.error) || undefined;
  let link;
  try {
    link = parseIdentityLink(identityPageUrl(one(query.oauth_consumer_key), one(query.success_call_back)));
  } catch (err) {
    return <InstallShell title={TITLE} error={(err as Error).message}><p>Open this page from Magento: System › Extensions › Integrations › Activate.</p></InstallShell>;
  }

  const account = await currentAccount();
  if (!account) {
    return (
      <InstallShell title={TITLE} error={error}>
        <p>Log in with the email address and password from your registration mail to connect the webshop to your integration.</p>
        <LoginForm stay />
      </InstallShell>
    );
  }

  const pending = await findPendingInstall<ActivationCallback>(db(), { system: "magento2", shopKey: link.consumerKey });
  if (!pending) {
    return <InstallShell title={TITLE} error={error}><p>We have not received the keys from Magento for this activation, or they have expired. Click <strong>Activate</strong> (or <strong>Reauthorize</strong>) at the integration in Magento again.</p></InstallShell>;
  }
  const integration = pending.integrationId ? await db().integration.findUnique({ where: { id: pending.integrationId } }) : null;
  if (!integration || integration.accountId !== account.accountId) {
    return <InstallShell title={TITLE} error={error}><p>This Magento shop is being connected to an integration of another account. Log out and log in with the account that received the license key.</p></InstallShell>;
  }

  return (
    <InstallShell title={TITLE} error={error}>
      <p>Magento shop <strong>{shopDomain(pending.payload.storeBaseUrl)}</strong> asks to connect to your integration <strong>{integration.name}</strong>.</p>
      <form method="post" action="/api/install/magento2/consent" className="space-y-3">
        <input type="hidden" name="consumerKey" value={link.consumerKey} />
        <input type="hidden" name="successCallback" value={link.successCallback} />
        <label className="block">
          <span className="font-medium">Webshop domain</span>
          <input name="domain" required placeholder="www.jouwwebwinkel.nl" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <label className="block">
          <span className="font-medium">Connection key</span>
          <input name="connectionKey" required autoComplete="off" placeholder="The license key from your registration mail" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono" />
        </label>
        <button type="submit" className="w-full rounded-md bg-green-600 px-4 py-2 font-medium text-white hover:bg-green-700">Consent to connect</button>
      </form>
    </InstallShell>
  );
}
