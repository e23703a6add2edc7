import { NextResponse } from "next/server";
import { verifyUninstall } from "@/connectors/kmoshops/install";
import { db } from "@/lib/db/client";
import { verifyWithAppSecret } from "@/lib/install/app-secrets";
import { asConnectorError, installJson, statusOf } from "@/lib/install/install-answers";
import { uninstallAppStoreShop } from "@/lib/install/uninstall-app";

/**
 * KMO Shops calls this when the merchant removes the app (signed like the handshake): its API key
 * stops working, so the shop's keys are forgotten and its integration stops (the manuals: remove
 * the app to cancel). An unknown shop is answered 200 too: there is nothing left to forget.
 */
export async function POST(req: Request) {
  const rawBody = await req.text();
  let verified;
  try {
    verified = verifyWithAppSecret("kmoshops", (appSecret) => verifyUninstall({ rawBody, headers: req.headers, appSecret }));
  } catch (err) {
    const e = asConnectorError(err);
    return installJson(statusOf(e), e.code, e.message);
  }
  const integrations = await uninstallAppStoreShop(db(), "kmoshops", verified.result.shopId, verified.sandbox);
  return NextResponse.json({ uninstalled: true, integrations });
}
