import { NextResponse } from "next/server";
import type { SystemId } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { finishOAuthFlow } from "@/lib/install/oauth-browser-binding";
import { oauthRedirectUri, wizardUrl } from "@/lib/install/oauth-redirect";
import { refreshCatalog } from "@/lib/install/refresh-catalog";
import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";
import { saveCredentials } from "@/lib/integrations/connection-credentials";
import { toFailure } from "@/lib/pipeline/failure";

type Ctx = { params: Promise<{ system: string }> };

/**
 * Back from the consent page: store the tokens sealed, turn the dot green, load the administrations.
 * Only with a state we signed, unexpired, returning to the browser that started it, once.
 */
export async function GET(req: Request, { params }: Ctx) {
  const res = await callback(req, await params);
  if (res.check.ok) res.response.headers.append("set-cookie", res.check.clearCookie);
  return res.response;
}

async function callback(req: Request, { system }: { system: string }) {
  const query = new URL(req.url).searchParams;
  const check = finishOAuthFlow(query.get("state"), req.headers.get("cookie"));
  return { check, response: await answer(system, query, check.ok ? check.licenseKey : null) };
}

async function answer(system: string, query: URLSearchParams, licenseKey: string | null): Promise<NextResponse> {
  const setup = targetSetups[system as TargetSystem];
  if (!licenseKey || !setup?.exchangeCode) {
    return NextResponse.json({ error: "invalid_state", message: "This connection link has expired or is not valid. Start again from the installation page." }, { status: 400 });
  }
  const integration = await db().integration.findUnique({ where: { licenseKey }, include: { connections: true } });
  if (!integration || integration.targetSystem !== system) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const markRed = (detail: string) =>
    db().connection.update({ where: { integrationId_side: { integrationId: integration.id, side: "target" } }, data: { status: "error", statusDetail: detail, lastCheckedAt: new Date() } });

  if (query.get("error") || !query.get("code")) {
    const detail = query.get("error") === "access_denied" ? "You did not allow the connection. Click Connect to try again." : `The connection failed: ${query.get("error_description") ?? query.get("error") ?? "no code returned"}.`;
    await markRed(detail);
    return NextResponse.redirect(wizardUrl(licenseKey, "#accounting", detail));
  }
  try {
    const baseUrl = integration.connections.find((c) => c.side === "target")?.baseUrl ?? "";
    const credentials = await setup.exchangeCode({ baseUrl, code: query.get("code")!, redirectUri: oauthRedirectUri(system) });
    await saveCredentials(db(), integration.id, "target", system as SystemId, credentials);
  } catch (err) {
    const detail = toFailure(err).message;
    await markRed(detail);
    return NextResponse.redirect(wizardUrl(licenseKey, "#accounting", detail));
  }
  const notice = await refreshCatalog(integration.id);
  return NextResponse.redirect(wizardUrl(licenseKey, "#administration", notice));
}
