import { createOAuthState, readOAuthState } from "./oauth-state";
import type { AppStoreSystem } from "./app-secrets";

/**
 * An App Store install that started in the shop's backend carries no license key. Once the
 * store's signed redirect has proved it, the merchant gets this short-lived, signed ticket for
 * that one pending install; with it (and logged in) they attach the shop to an integration of
 * theirs. Signed like the OAuth state, under its own prefix so one can never pass for the other.
 */
const PREFIX = "claim";

export const createClaimToken = (system: AppStoreSystem, pendingId: string, now = Date.now()) =>
  createOAuthState(`${PREFIX}:${system}:${pendingId}`, now);

export function readClaimToken(token: string, now = Date.now()): { system: AppStoreSystem; pendingId: string } | null {
  const value = readOAuthState(token, now);
  const match = value ? /^claim:(kmoshops|ccvshop):(.+)$/.exec(value) : null;
  return match ? { system: match[1] as AppStoreSystem, pendingId: match[2]! } : null;
}
