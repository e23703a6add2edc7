import { NextResponse } from "next/server";
import { verifyHandshake, verifyInstallRedirect, type InstallHandshake } from "@/connectors/ccvshop/install";
import { db } from "@/lib/db/client";
import { requireShopMatchesSecret, verifyWithAppSecret } from "@/lib/install/app-secrets";
import { appStoreClaimUrl } from "@/lib/install/app-store-claim-url";
import { ccvshopInstallUrl } from "@/lib/install/ccvshop-app-urls";
import { asConnectorError, installJson, installPage, statusOf } from "@/lib/install/install-answers";
import { findPendingInstall, savePendingInstall } from "@/lib/install/pending-installs";

/**
 * CCV Shop App Store, step 1 (POST, server to server): the shop's API keys, API root and return
 * URL, hashed with our App Secret Key over "<this URL>|<raw body>". CCV's handshake names no
 * merchant of ours, so it waits sealed (by api_public) for the browser to arrive at step 2. The
 * same handshake delivered twice just replaces itself. Anything but 200 aborts the install.
 */
export async function POST(req: Request) {
  const rawBody = await req.text();
  let handshake: InstallHandshake;
  try {
    const verified = verifyWithAppSecret("ccvshop", (appSecret) => verifyHandshake({ handshakeUrl: ccvshopInstallUrl(), rawBody, hash: req.headers.get("x-hash"), appSecret }));
    handshake = verified.result;
    requireShopMatchesSecret("ccvshop", verified.sandbox, handshake.baseUrl);
  } catch (err) {
    const e = asConnectorError(err);
    return installJson(statusOf(e), e.code, e.message);
  }
  await savePendingInstall(db(), { system: "ccvshop", shopKey: handshake.credentials.publicKey, payload: handshake });
  return NextResponse.json({ received: true });
}

const FAILED = "CCV Shop installation not completed";

/**
 * Step 2 (GET, the merchant's browser): `?api_public=…&language=…&x-hash=…`. After the hash
 * check the merchant goes to the page where they log in and choose the integration; that page
 * stores the keys, marks the app installed in the shop and opens the wizard.
 */
export async function GET(req: Request) {
  try {
    const { result, sandbox } = verifyWithAppSecret("ccvshop", (appSecret) => verifyInstallRedirect({ installUrl: ccvshopInstallUrl(), requestUrl: req.url, appSecret }));
    const pending = await findPendingInstall<InstallHandshake>(db(), { system: "ccvshop", shopKey: result.apiPublic });
    if (!pending) return installPage(410, FAILED, "This installation was already completed, or it has expired. Install the app again from the CCV Shop App Store.");
    requireShopMatchesSecret("ccvshop", sandbox, pending.payload.baseUrl);
    return NextResponse.redirect(appStoreClaimUrl("ccvshop", pending.id), 303);
  } catch (err) {
    const e = asConnectorError(err);
    return installPage(statusOf(e), FAILED, e.message);
  }
}
