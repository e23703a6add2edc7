import { NextResponse } from "next/server";
import { systemNames } from "@/connectors/types";
import { currentAccount } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { appStoreMessages } from "@/lib/i18n/messages/signup-app-store";
import { translator } from "@/lib/i18n/translate";
import type { AppStoreHandshake } from "@/lib/install/app-store-handshake";
import { attachAppStoreShop } from "@/lib/install/attach-app-store-shop";
import { readClaimToken } from "@/lib/install/claim-token";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { backWithError, installPage } from "@/lib/install/install-answers";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { findPendingInstall } from "@/lib/install/pending-installs";
import { localeOfRequest } from "@/lib/signup/locale-of-request";

/**
 * The merchant, logged in, picked (or typed) the integration an App Store install started in the
 * shop's backend belongs to. The shop's keys go to that integration's webshop connection; CCV is
 * told the app is installed (mandatory end of its install); then the wizard opens. Answers in the
 * merchant's language.
 */
export async function POST(req: Request) {
  const form = await req.formData();
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const account = await currentAccount();
  const accountLocale = account ? (await db().account.findUnique({ where: { id: account.accountId }, select: { locale: true } }))?.locale : undefined;
  const t = translator(appStoreMessages, localeOfRequest(req, accountLocale));
  const token = field("claim");
  const claim = readClaimToken(token);
  if (!claim) return installPage(400, t("failed"), t("claimInvalid"));
  const page = new URL(`${env().APP_URL}/install/app-store/${claim.system}`);
  page.searchParams.set("claim", token);
  const back = (message: string) => backWithError(page, message);
  const shopName = systemNames[claim.system];

  if (!account) return back(t("logInFirst"));
  const pending = await findPendingInstall<AppStoreHandshake>(db(), { id: claim.pendingId });
  if (!pending || pending.system !== claim.system || pending.integrationId) return installPage(410, t("failed"), t("claimUsed"));

  const licenseKey = field("licenseKey") || field("integration");
  if (!licenseKey) return back(t("chooseIntegration"));
  const integration = await integrationByLicenseKey(db(), licenseKey);
  if (!integration || integration.accountId !== account.accountId) return back(t("noSuchKey", { key: licenseKey }));
  if (integration.sourceSystem !== claim.system) {
    const system = systemNames[integration.sourceSystem as keyof typeof systemNames] ?? integration.sourceSystem;
    return back(t("otherShop", { key: integration.licenseKey, system, shop: shopName }));
  }
  if (integration.status === "cancelled") return back(t("cancelled", { key: integration.licenseKey }));

  const problem = await attachAppStoreShop(db(), claim.system, pending, integration.id);
  return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", problem ?? t("connected", { shop: shopName })), 303);
}
