import { NextResponse } from "next/server";
import { initiate } from "@/connectors/magento1/oauth";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { markSource } from "@/lib/install/connect-source";
import { asConnectorError, installJson } from "@/lib/install/install-answers";
import { integrationForInstall } from "@/lib/install/install-access";
import { enteredMagento1Keys, magento1CallbackUrl, type Magento1Pending } from "@/lib/install/magento1-connect";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { savePendingInstall } from "@/lib/install/pending-installs";
import { loadCredentials } from "@/lib/integrations/connection-credentials";

/**
 * The wizard's yellow Connect button for Magento 1.9: with the admin URL, consumer key and secret
 * the merchant entered, ask the shop for a request token and send the browser to the admin's
 * authorize page. The request token's secret waits sealed for the callback.
 */
export async function GET(req: Request) {
  const licenseKey = new URL(req.url).searchParams.get("licenseKey") ?? "";
  const integration = await integrationForInstall(db(), licenseKey, await currentAccount());
  if (!integration || integration.sourceSystem !== "magento1") {
    return installJson(404, "not_found", "No Magento 1.9 installation to connect for this link.");
  }
  const back = (notice: string) => NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", notice));

  const entered = enteredMagento1Keys(await loadCredentials(db(), integration.id, "source"));
  if (!entered) return back("Fill in the admin URL, consumer key and consumer secret of your Magento webshop first, then click Connect.");

  let started;
  try {
    started = await initiate({ ...entered, callbackUrl: magento1CallbackUrl(integration.licenseKey) });
  } catch (err) {
    const reason = asConnectorError(err).message;
    await markSource(db(), integration.id, "error", reason);
    return back(reason);
  }
  const pending: Magento1Pending = { ...entered, requestTokenSecret: started.requestTokenSecret };
  await savePendingInstall(db(), { system: "magento1", shopKey: started.requestToken, integrationId: integration.id, payload: pending });
  return NextResponse.redirect(started.authorizeUrl);
}
