import { z } from "zod";
import { ConnectorError } from "../types";
import type { CcvClient } from "./client";
import type { CcvCredentials } from "./config";
import { appStoreHash, safeEqualHex } from "./signing";

/**
 * The CCV App Store install flow (webshop-apis.md §2.8; App-Example-Code):
 *  1. Handshake: the shop POSTs {api_public, api_secret, api_root, return_url} to our Handshake
 *     URL with x-hash = HMAC-SHA512(App Secret Key, <Handshake URL>|<raw body>). Answer 200.
 *  2. Install: the merchant's browser GETs <Install URL>?api_public=…&language=…&x-hash=… with
 *     x-hash = HMAC-SHA512(App Secret Key, <Install URL>|<api_public>).
 *     After configuring: GET /apps, PATCH /apps/{id} {is_installed: true}, redirect to return_url.
 *  3. Uninstall: POST <Uninstall URL> {api_public, …}, hashed like the handshake.
 * URLs are the ones registered in the CCV Developer App Center, exactly as registered.
 */
export const handshakeSchema = z.object({
  api_public: z.string().min(1),
  api_secret: z.string().min(1),
  api_root: z.url(),
  return_url: z.url(),
});

export type InstallHandshake = {
  credentials: CcvCredentials;
  /** The shop's API root: the connection's baseUrl. */
  baseUrl: string;
  /** Where to send the merchant's browser once the app is configured and marked installed. */
  returnUrl: string;
};

const badSignature = (what: string) =>
  new ConnectorError("invalid_signature", `The CCV Shop ${what} is not signed with our App Secret Key.`, false);

/** Step 1. Throws ConnectorError("invalid_signature" | "invalid_payload"); on success answer HTTP 200. */
export function verifyHandshake(input: { handshakeUrl: string; rawBody: string; hash: string | null | undefined; appSecret: string }): InstallHandshake {
  if (!safeEqualHex(appStoreHash(input.appSecret, input.handshakeUrl, input.rawBody), input.hash)) throw badSignature("install handshake");
  const body = parseJson(input.rawBody, "install handshake");
  const parsed = handshakeSchema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "(body)";
    throw new ConnectorError("invalid_payload", `The CCV Shop install handshake has no valid "${field}".`, false);
  }
  const h = parsed.data;
  return { credentials: { publicKey: h.api_public, secretKey: h.api_secret }, baseUrl: h.api_root.replace(/\/+$/, ""), returnUrl: h.return_url };
}

/** Step 2, for the Install URL's GET: returns the api_public to look the handshake's credentials up by. */
export function verifyInstallRedirect(input: { installUrl: string; requestUrl: string | URL; appSecret: string }): { apiPublic: string; language?: string } {
  const url = new URL(input.requestUrl);
  const apiPublic = url.searchParams.get("api_public");
  if (!apiPublic) throw new ConnectorError("invalid_payload", "The CCV Shop install link has no api_public.", false);
  if (!safeEqualHex(appStoreHash(input.appSecret, input.installUrl, apiPublic), url.searchParams.get("x-hash"))) throw badSignature("install link");
  return { apiPublic, language: url.searchParams.get("language") ?? undefined };
}

/** Step 3: returns the api_public whose credentials (and webhook keys) to forget. */
export function verifyUninstall(input: { uninstallUrl: string; rawBody: string; hash: string | null | undefined; appSecret: string }): { apiPublic: string } {
  if (!safeEqualHex(appStoreHash(input.appSecret, input.uninstallUrl, input.rawBody), input.hash)) throw badSignature("uninstall call");
  const parsed = z.object({ api_public: z.string().min(1) }).safeParse(parseJson(input.rawBody, "uninstall call"));
  if (!parsed.success) throw new ConnectorError("invalid_payload", "The CCV Shop uninstall call has no api_public.", false);
  return { apiPublic: parsed.data.api_public };
}

/** Mandatory end of step 2: mark the app installed in the shop (GET /apps has exactly one item). */
export async function markAppInstalled(client: CcvClient): Promise<{ appId: string }> {
  const apps = await client.getApps();
  if (apps.length !== 1) throw new ConnectorError("install_failed", `CCV Shop listed ${apps.length} apps for these API keys; exactly one was expected.`, false);
  const appId = apps[0]!.id;
  if (apps[0]!.is_installed !== true) await client.patchApp(appId, { is_installed: true });
  return { appId };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError("invalid_payload", `The CCV Shop ${what} is not valid JSON.`, false);
  }
}
