import type { Db } from "../db/client";
import type { AppStoreSystem } from "../install/app-secrets";
import type { AppStoreHandshake } from "../install/app-store-handshake";
import { attachAppStoreShop } from "../install/attach-app-store-shop";
import { readClaimToken } from "../install/claim-token";
import { findPendingInstall } from "../install/pending-installs";
import { trialEnd } from "../integrations/settings";
import { signUp, type SignUpResult } from "./sign-up";

export type AppStoreTrialResult =
  | { status: "started"; system: AppStoreSystem; licenseKey: string; integrationId: string; accountId: string; problem: string | null }
  | { status: "expired" }
  | Exclude<SignUpResult, { status: "created" }>;

/**
 * A new customer arriving from an App Store install that started in the shop's backend: the
 * trial sign-up for that shop system (trial to the first of next month, as the manuals say for
 * App Store installs), refused for an address that already has a login (attaching a shop to an
 * account needs that account's login), then the pending install is claimed for the new
 * integration exactly as a signed-in merchant's pick is, and the registration mail goes out.
 */
export async function startAppStoreTrial(
  db: Db,
  claimToken: string,
  raw: Record<string, unknown>,
  options: { ip?: string; now?: Date; appUrl?: string; sandbox?: boolean; supportEmail?: string } = {},
): Promise<AppStoreTrialResult> {
  const claim = readClaimToken(claimToken);
  const pending = claim ? await findPendingInstall<AppStoreHandshake>(db, { id: claim.pendingId }, options.now) : null;
  if (!claim || !pending || pending.system !== claim.system || pending.integrationId) return { status: "expired" };

  let problem: string | null = null;
  const result = await signUp(db, { ...raw, source: claim.system }, {
    ...options,
    trialEndsAt: trialEnd(options.now),
    requireNewAccount: true,
    onCreated: async ({ integrationId }) => {
      problem = await attachAppStoreShop(db, claim.system, pending, integrationId);
      return { shopConnected: problem === null };
    },
  });
  if (result.status !== "created") return result;
  return { status: "started", system: claim.system, licenseKey: result.licenseKey, integrationId: result.integrationId, accountId: result.accountId, problem };
}
