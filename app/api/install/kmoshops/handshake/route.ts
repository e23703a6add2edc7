import { NextResponse } from "next/server";
import { verifyHandshake, type KmoInstallHandshake } from "@/connectors/kmoshops/install";
import { INSTALL_HEADERS } from "@/connectors/kmoshops/contract";
import { db } from "@/lib/db/client";
import { requireShopMatchesSecret, verifyWithAppSecret } from "@/lib/install/app-secrets";
import { rememberAppStoreShop } from "@/lib/install/app-store-shop";
import { integrationByLicenseKey } from "@/lib/install/find-integration";
import { asConnectorError, installJson, statusOf } from "@/lib/install/install-answers";
import { readOAuthState } from "@/lib/install/oauth-state";
import { handshakeFingerprint, savePendingInstall } from "@/lib/install/pending-installs";
import { saveCredentials } from "@/lib/integrations/connection-credentials";

/**
 * KMO Shops' install handshake (server to server, connectors/kmoshops/README.md): the shop's API
 * key, webhook secret and API root, signed with our app secret and timestamped. With the `state`
 * of our install link the shop is attached to that integration at once; without one (the
 * merchant started in the KMO backend) the handshake waits, sealed, for the merchant to pick the
 * integration after the redirect. Anything but 200 makes KMO abort the install and show our message.
 */
export async function POST(req: Request) {
  const rawBody = await req.text();
  let handshake: KmoInstallHandshake;
  try {
    const verified = verifyWithAppSecret("kmoshops", (appSecret) => verifyHandshake({ rawBody, headers: req.headers, appSecret }));
    handshake = verified.result;
    requireShopMatchesSecret("kmoshops", verified.sandbox, handshake.baseUrl);
  } catch (err) {
    const e = asConnectorError(err);
    return installJson(statusOf(e), e.code, e.message);
  }

  let integrationId: string | null = null;
  if (handshake.state) {
    const licenseKey = readOAuthState(handshake.state);
    if (!licenseKey) return installJson(400, "invalid_state", "The installation link has expired or is not valid. Start again with Connect on the installation page.");
    const integration = await integrationByLicenseKey(db(), licenseKey);
    if (!integration || integration.sourceSystem !== "kmoshops") return installJson(404, "unknown_license_key", "The installation link names no KMO Shops integration.");
    if (integration.status === "cancelled") return installJson(410, "cancelled", `The integration with license key ${integration.licenseKey} was cancelled.`);
    integrationId = integration.id;
  }

  const signature = req.headers.get(INSTALL_HEADERS.signature) ?? "";
  const saved = await savePendingInstall(db(), {
    system: "kmoshops", shopKey: handshake.credentials.shopId, integrationId, payload: handshake, fingerprint: handshakeFingerprint("kmoshops", signature),
  });
  if (!saved.saved) return installJson(409, "replayed", "This install handshake was received before. Start the installation again in KMO Shops.");

  if (integrationId) {
    // Stored now, not at the redirect: a merchant who closes the tab still has a connected shop.
    await saveCredentials(db(), integrationId, "source", "kmoshops", handshake.credentials, handshake.baseUrl);
    await rememberAppStoreShop(db(), integrationId, { system: "kmoshops", shopId: handshake.credentials.shopId, shopName: handshake.shopName, returnUrl: handshake.returnUrl });
  }
  return NextResponse.json({ received: true });
}
