import { notFound } from "next/navigation";
import { systemNames } from "@/connectors/types";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { appStoreShopOf, type AppStoreHandshake } from "@/lib/install/app-store-handshake";
import { readClaimToken } from "@/lib/install/claim-token";
import { findPendingInstall } from "@/lib/install/pending-installs";
import { LoginForm } from "@/components/login-form";
import { InstallShell, one } from "../install-shell";

export const dynamic = "force-dynamic";

/**
 * Where an App Store install that started in the shop's backend lands (the store's redirect sent
 * no license key): the merchant logs in and picks, or types, the integration to connect the shop
 * to. The choice posts to /api/install/claim.
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
  const shopSystem = systemNames[system];
  const title = `Connect your ${shopSystem} webshop`;

  const claim = readClaimToken(token);
  const pending = claim?.system === system ? await findPendingInstall<AppStoreHandshake>(db(), { id: claim.pendingId }) : null;
  if (!pending || pending.integrationId) {
    return <InstallShell title={title} error={error}><p>This installation link has expired or was already used. Install the app again from the app store in your {shopSystem} backend.</p></InstallShell>;
  }
  const shop = appStoreShopOf(system, pending.payload);

  const account = await currentAccount();
  if (!account) {
    return (
      <InstallShell title={title} error={error}>
        <p>Webshop <strong>{shop.shopName}</strong> installed our app. Log in with the email address and password from your registration mail to choose the integration it belongs to.</p>
        <LoginForm stay />
      </InstallShell>
    );
  }

  const integrations = await db().integration.findMany({
    where: { accountId: account.accountId, sourceSystem: system, status: { not: "cancelled" } },
    orderBy: { createdAt: "desc" },
    select: { licenseKey: true, name: true, status: true },
  });
  return (
    <InstallShell title={title} error={error}>
      <p>Webshop <strong>{shop.shopName}</strong> installed our app. Which integration does it belong to?</p>
      <form method="post" action="/api/install/claim" className="space-y-3">
        <input type="hidden" name="claim" value={token} />
        {integrations.length > 0 && (
          <label className="block">
            <span className="font-medium">Integration</span>
            <select name="integration" defaultValue={integrations.find((i) => i.status === "installing")?.licenseKey ?? integrations[0]!.licenseKey} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2">
              {integrations.map((i) => <option key={i.licenseKey} value={i.licenseKey}>{i.name} ({i.licenseKey})</option>)}
            </select>
          </label>
        )}
        <label className="block">
          <span className="font-medium">{integrations.length > 0 ? "Or enter the license key" : "License key"}</span>
          <input name="licenseKey" autoComplete="off" placeholder="The license key from your registration mail" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono" />
        </label>
        <button type="submit" className="w-full rounded-md bg-green-600 px-4 py-2 font-medium text-white hover:bg-green-700">Connect webshop</button>
      </form>
    </InstallShell>
  );
}
