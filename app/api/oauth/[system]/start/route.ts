import { NextResponse } from "next/server";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { integrationForInstall } from "@/lib/install/install-access";
import { startOAuthFlow } from "@/lib/install/oauth-browser-binding";
import { oauthRedirectUri } from "@/lib/install/oauth-redirect";
import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";

type Ctx = { params: Promise<{ system: string }> };

/** The wizard's red Connect button: off to the accounting system's consent page. */
export async function GET(req: Request, { params }: Ctx) {
  const { system } = await params;
  const licenseKey = new URL(req.url).searchParams.get("licenseKey") ?? "";
  const integration = await integrationForInstall(db(), licenseKey, await currentAccount());
  const setup = targetSetups[system as TargetSystem];
  if (!integration || integration.targetSystem !== system || !setup?.authorizeUrl) {
    return NextResponse.json({ error: "not_found", message: "No installation to connect for this link." }, { status: 404 });
  }
  const baseUrl = integration.connections.find((c) => c.side === "target")?.baseUrl ?? "";
  const { state, setCookie } = startOAuthFlow(licenseKey);
  const res = NextResponse.redirect(setup.authorizeUrl({ baseUrl, state, redirectUri: oauthRedirectUri(system) }));
  res.headers.append("set-cookie", setCookie);
  return res;
}
