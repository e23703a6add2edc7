import { type Env } from "../../lib/config/env";
import { authSecret } from "../../lib/crypto/keys";
import { localExecutorFetch } from "./local-calls";
import { embeddedSigningKey } from "./signing";

/** How the app and its embedded executor find and trust each other. */

/** The app's serve endpoint, as the executor calls it. */
export const embeddedServeUrl = (e: Env) => `${e.APP_URL.replace(/\/+$/, "")}/api/inngest`;

export const embeddedExecutorUrl = (e: Env) => `http://127.0.0.1:${e.INNGEST_EMBEDDED_PORT}`;

/**
 * The key the executor signs its calls with and the SDK verifies them with: derived from the
 * auth secret (so app instances sharing NEXTAUTH_SECRET agree), random per process without one.
 */
export function embeddedKey(e: Env): string {
  let secret: string | undefined;
  try {
    secret = authSecret(e);
  } catch {
    secret = undefined; // no NEXTAUTH_SECRET with DATABASE_URL: the app will refuse logins anyway
  }
  return embeddedSigningKey(secret);
}

/**
 * Inngest client options for the embedded executor: "cloud" mode (signed calls, verified by
 * the SDK) against the executor's loopback port. The event key is not checked (loopback). Events
 * and checkpoints reach an executor in this same process without the socket (local-calls.ts).
 */
export function embeddedClientOptions(e: Env) {
  return { isDev: false, baseUrl: embeddedExecutorUrl(e), signingKey: embeddedKey(e), eventKey: "embedded", fetch: localExecutorFetch } as const;
}
