import { NextResponse } from "next/server";
import { createCcvClient } from "@/connectors/ccvshop/client";
import { markAppInstalled } from "@/connectors/ccvshop/install";
import { systemNames } from "@/connectors/types";
import { currentAccount } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { appStoreShopOf, type AppStoreHandshake } from "@/lib/install/app-store-handshake";
import { rememberAppStoreShop } from "@/lib/install/app-store-shop";
import { readClaimToken } from "@/lib/install/claim-token";
import { connectSource } from "@/lib/install/connect-source";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { backWithError, installPage } from "@/lib/install/install-answers";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { completePendingInstall, findPendingInstall } from "@/lib/install/pending-installs";

const FAILED = "Installation not completed";

/**
 * The merchant, logged in, picked (or typed) the integration an App Store install started in the
 * shop's backend belongs to. The shop's keys go to that integration's webshop connection; CCV is
 * told the app is installed (mandatory end of its install); then the wizard opens.
 */
export async function POST(req: Request) {
  const form = await req.formData();
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const token = field("claim");
  const claim = readClaimToken(token);
  if (!claim) return installPage(400, FAILED, "This installation link has expired or is not valid. Install the app again from the app store in your shop's backend.");
  const page = new URL(`${env().APP_URL}/install/app-store/${claim.system}`);
  page.searchParams.set("claim", token);
  const back = (message: string) => backWithError(page, message);

  const account = await currentAccount();
  if (!account) return back("Log in first.");
  const pending = await findPendingInstall<AppStoreHandshake>(db(), { id: claim.pendingId });
  if (!pending || pending.system !== claim.system || pending.integrationId) {
    return installPage(410, FAILED, "This installation was already completed, or it has expired. Install the app again from the app store in your shop's backend.");
  }

  const licenseKey = field("licenseKey") || field("integration");
  if (!licenseKey) return back("Choose an integration or enter its license key.");
  const integration = await integrationByLicenseKey(db(), licenseKey);
  if (!integration || integration.accountId !== account.accountId) return back(`There is no integration with license key ${licenseKey} in your account.`);
  if (integration.sourceSystem !== claim.system) {
    return back(`License key ${integration.licenseKey} is for a ${systemNames[integration.sourceSystem as keyof typeof systemNames] ?? integration.sourceSystem} webshop, not ${systemNames[claim.system]}.`);
  }
  if (integration.status === "cancelled") return back(`The integration with license key ${integration.licenseKey} was cancelled.`);

  const shop = appStoreShopOf(claim.system, pending.payload);
  await completePendingInstall(db(), pending.id);
  await rememberAppStoreShop(db(), integration.id, { system: claim.system, shopId: shop.shopId, shopName: shop.shopName, returnUrl: shop.returnUrl });
  const connection = { credentials: shop.credentials, baseUrl: shop.baseUrl };
  // CCV: marking the app installed is both the end of its install and a signed call with the new keys.
  const check = claim.system === "ccvshop" ? () => markAppInstalled(createCcvClient(connection)) : null;
  const problem = await connectSource(db(), integration.id, claim.system, connection, check);
  return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", problem ?? `${systemNames[claim.system]} webshop connected.`), 303);
}
