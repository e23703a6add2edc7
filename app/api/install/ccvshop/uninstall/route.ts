import { NextResponse } from "next/server";
import { verifyUninstall } from "@/connectors/ccvshop/install";
import { db } from "@/lib/db/client";
import { verifyWithAppSecret } from "@/lib/install/app-secrets";
import { ccvshopUninstallUrl } from "@/lib/install/ccvshop-app-urls";
import { asConnectorError, installJson, statusOf } from "@/lib/install/install-answers";
import { uninstallAppStoreShop } from "@/lib/install/uninstall-app";

/**
 * CCV Shop calls this when the merchant removes the app (hashed like the handshake): the shop's
 * keys are forgotten and its integration stops (the manual: remove the app to cancel). An unknown
 * shop is answered 200 too: there is nothing left to forget.
 */
export async function POST(req: Request) {
  const rawBody = await req.text();
  let verified;
  try {
    verified = verifyWithAppSecret("ccvshop", (appSecret) => verifyUninstall({ uninstallUrl: ccvshopUninstallUrl(), rawBody, hash: req.headers.get("x-hash"), appSecret }));
  } catch (err) {
    const e = asConnectorError(err);
    return installJson(statusOf(e), e.code, e.message);
  }
  const integrations = await uninstallAppStoreShop(db(), "ccvshop", verified.result.apiPublic, verified.sandbox);
  return NextResponse.json({ uninstalled: true, integrations });
}
