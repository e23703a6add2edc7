import { NextResponse } from "next/server";
import { parseActivationCallback } from "@/connectors/magento2/install";
import { db } from "@/lib/db/client";
import { asConnectorError, installJson } from "@/lib/install/install-answers";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { savePendingInstall } from "@/lib/install/pending-installs";

/**
 * Magento 2's integration Callback URL (`…/api/install/magento2/callback?cikey=<license key>`):
 * on Activate the shop POSTs the consumer key and secret, its base URL and a verifier. We keep them
 * sealed as a pending activation until the merchant consents on the identity link page, and answer
 * 200 at once (anything else and Magento shows an error and stops).
 */
export async function POST(req: Request) {
  let activation;
  try {
    activation = parseActivationCallback({ requestUrl: req.url, rawBody: await req.text(), contentType: req.headers.get("content-type") });
  } catch (err) {
    const e = asConnectorError(err);
    return installJson(400, e.code, e.message);
  }
  const integration = await integrationByLicenseKey(db(), activation.licenseKey);
  if (!integration || integration.sourceSystem !== "magento2") {
    return installJson(404, "unknown_license_key", `There is no Magento 2 integration with license key ${activation.licenseKey}. Check the Callback URL of the integration in Magento: it must end in ?cikey=<your license key>.`);
  }
  if (integration.status === "cancelled") return installJson(410, "cancelled", `The integration with license key ${integration.licenseKey} was cancelled.`);

  await savePendingInstall(db(), { system: "magento2", shopKey: activation.consumerKey, integrationId: integration.id, payload: activation });
  return NextResponse.json({ received: true, message: "Keys received. Continue in the window that Magento opens." });
}
