import { NextResponse } from "next/server";
import { exchangeAccessToken, parseAuthorizeCallback } from "@/connectors/magento1/oauth";
import { db } from "@/lib/db/client";
import { connectSource, markSource } from "@/lib/install/connect-source";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { asConnectorError, installJson } from "@/lib/install/install-answers";
import type { Magento1Pending } from "@/lib/install/magento1-connect";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { readOAuthState } from "@/lib/install/oauth-state";
import { completePendingInstall, findPendingInstall } from "@/lib/install/pending-installs";

/**
 * Back from Magento 1.9's authorize page (`?state=…&oauth_token=…&oauth_verifier=…`): exchange the
 * verifier for the admin's access token, store the four keys sealed with the store as the webshop's
 * address, test them, and return to the wizard's connections step. A Reject, a used or unknown
 * token or a failed exchange turns the webshop dot red with the reason.
 */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const licenseKey = readOAuthState(url.searchParams.get("state") ?? "");
  if (!licenseKey) {
    return installJson(400, "invalid_state", "This connection link has expired or is not valid. Start again with Connect on the installation page.");
  }
  const integration = await integrationByLicenseKey(db(), licenseKey);
  if (!integration || integration.sourceSystem !== "magento1") return installJson(404, "not_found", "No Magento 1.9 installation for this link.");
  const failed = async (reason: string) => {
    await markSource(db(), integration.id, "error", reason);
    return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", reason));
  };

  let authorized;
  try {
    authorized = parseAuthorizeCallback(url);
  } catch (err) {
    return failed(asConnectorError(err).message);
  }
  const pending = await findPendingInstall<Magento1Pending>(db(), { system: "magento1", shopKey: authorized.requestToken });
  if (!pending || pending.integrationId !== integration.id) {
    return failed("This authorization was already used or has expired. Click Connect again.");
  }
  await completePendingInstall(db(), pending.id);

  let connected;
  try {
    connected = await exchangeAccessToken({ ...pending.payload, requestToken: authorized.requestToken, verifier: authorized.verifier });
  } catch (err) {
    return failed(asConnectorError(err).message);
  }
  const { storeBaseUrl, ...keys } = connected;
  // The admin URL stays with the keys, so Reconnect can start again without retyping it.
  const problem = await connectSource(db(), integration.id, "magento1", { credentials: { adminUrl: pending.payload.adminUrl, ...keys }, baseUrl: storeBaseUrl });
  return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", problem ?? "Magento 1.9 webshop connected."));
}
