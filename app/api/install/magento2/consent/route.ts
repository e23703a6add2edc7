import { NextResponse } from "next/server";
import { exchangeTokens, shopDomain, verifyConsent, type ActivationCallback } from "@/connectors/magento2/install";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { connectSource, markSource } from "@/lib/install/connect-source";
import { asConnectorError, backWithError } from "@/lib/install/install-answers";
import { identityPageUrl } from "@/lib/install/magento2-identity";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { completePendingInstall, findPendingInstall } from "@/lib/install/pending-installs";

/**
 * "Consent to connect" on the identity link page. The merchant must be logged in and own the
 * integration the shop called back for; the domain and connection key must match. Then the tokens
 * are exchanged at once (Magento's consumer key expires 300 s after Activate), stored sealed with
 * the store as the webshop's address, and the browser goes back to Magento, which now shows the
 * integration Active.
 */
export async function POST(req: Request) {
  const form = await req.formData();
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const consumerKey = field("consumerKey");
  const successCallback = field("successCallback");
  const back = (message: string) => backWithError(identityPageUrl(consumerKey, successCallback), message);

  const account = await currentAccount();
  if (!account) return back("Log in first, with the account that received the license key.");
  const pending = consumerKey ? await findPendingInstall<ActivationCallback>(db(), { system: "magento2", shopKey: consumerKey }) : null;
  if (!pending) return back("We have not received Magento's keys for this activation, or they have expired. Click Activate (or Reauthorize) at the integration in Magento again.");
  const integration = pending.integrationId ? await db().integration.findUnique({ where: { id: pending.integrationId } }) : null;
  if (!integration || integration.accountId !== account.accountId) {
    return back("This Magento shop is being connected to an integration of another account. Log in with the account that received the license key.");
  }

  const activation = pending.payload;
  try {
    verifyConsent({ domain: field("domain"), connectionKey: field("connectionKey") }, activation);
  } catch (err) {
    return back(asConnectorError(err).message);
  }

  let credentials;
  try {
    credentials = await exchangeTokens(activation);
  } catch (err) {
    const failure = asConnectorError(err);
    // Only a shop that was briefly down is worth another click; any other refusal needs a new Activate.
    if (!failure.retryable) await completePendingInstall(db(), pending.id);
    await markSource(db(), integration.id, "error", failure.message);
    return back(failure.message);
  }
  await completePendingInstall(db(), pending.id);

  const baseUrl = activation.storeBaseUrl.replace(/\/+$/, "");
  const problem = await connectSource(db(), integration.id, "magento2", { credentials, baseUrl });
  if (problem) return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", problem), 303);
  // Back to Magento only on the store's own host; a success_call_back elsewhere is not followed.
  const toMagento = URL.canParse(successCallback) && shopDomain(new URL(successCallback).hostname) === shopDomain(activation.storeBaseUrl);
  return NextResponse.redirect(toMagento ? successCallback : wizardUrl(integration.licenseKey, "#connections", "Magento 2 webshop connected."), 303);
}
