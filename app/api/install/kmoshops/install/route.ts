import { NextResponse } from "next/server";
import { verifyInstallRedirect, type KmoInstallHandshake } from "@/connectors/kmoshops/install";
import { kmoCredentialsSchema } from "@/connectors/kmoshops/config";
import { db } from "@/lib/db/client";
import { requireShopMatchesSecret, verifyWithAppSecret } from "@/lib/install/app-secrets";
import { appStoreClaimUrl } from "@/lib/install/app-store-claim-url";
import { connectSource } from "@/lib/install/connect-source";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { asConnectorError, installPage, statusOf } from "@/lib/install/install-answers";
import { wizardUrl } from "@/lib/install/oauth-redirect";
import { readOAuthState } from "@/lib/install/oauth-state";
import { completePendingInstall, findPendingInstall } from "@/lib/install/pending-installs";
import { loadCredentials } from "@/lib/integrations/connection-credentials";

const FAILED = "KMO Shops installation not completed";

/**
 * KMO Shops sends the merchant's browser here after the handshake (signed query). With our
 * state: the handshake already connected that integration; test the keys and go on to the wizard.
 * Without: send the merchant to the page where they log in and pick the integration.
 */
export async function GET(req: Request) {
  let redirect: ReturnType<typeof verifyInstallRedirect>;
  let sandbox: boolean;
  try {
    ({ result: redirect, sandbox } = verifyWithAppSecret("kmoshops", (appSecret) => verifyInstallRedirect({ requestUrl: req.url, appSecret })));
  } catch (err) {
    const e = asConnectorError(err);
    return installPage(statusOf(e), FAILED, e.message);
  }
  const pending = await findPendingInstall<KmoInstallHandshake>(db(), { system: "kmoshops", shopKey: redirect.shopId });

  try {
    if (!redirect.state) {
      if (!pending || pending.integrationId) {
        return installPage(410, FAILED, "This installation was already completed, or it has expired. Install the app again from the app store in your KMO Shops backend.");
      }
      requireShopMatchesSecret("kmoshops", sandbox, pending.payload.baseUrl);
      return NextResponse.redirect(appStoreClaimUrl("kmoshops", pending.id), 303);
    }

    const licenseKey = readOAuthState(redirect.state);
    if (!licenseKey) return installPage(400, FAILED, "The installation link has expired or is not valid. Start again with Connect on the installation page.");
    const integration = await integrationByLicenseKey(db(), licenseKey);
    const source = integration ? await db().connection.findUnique({ where: { integrationId_side: { integrationId: integration.id, side: "source" } } }) : null;
    if (!integration || integration.sourceSystem !== "kmoshops" || !source) return installPage(404, FAILED, "The installation link names no KMO Shops integration.");
    requireShopMatchesSecret("kmoshops", sandbox, source.baseUrl);
    const credentials = kmoCredentialsSchema.safeParse(await loadCredentials(db(), integration.id, "source"));
    if (!credentials.success || credentials.data.shopId !== redirect.shopId) {
      return installPage(409, FAILED, "This shop did not complete the install handshake for this integration. Start again with Connect on the installation page.");
    }
    if (pending?.integrationId === integration.id) await completePendingInstall(db(), pending.id);
    const problem = await connectSource(db(), integration.id, "kmoshops", { credentials: credentials.data, baseUrl: source.baseUrl ?? "" });
    return NextResponse.redirect(wizardUrl(integration.licenseKey, "#connections", problem ?? "KMO Shops webshop connected."), 303);
  } catch (err) {
    const e = asConnectorError(err);
    return installPage(statusOf(e), FAILED, e.message);
  }
}
