import { env } from "../config/env";
import type { AppStoreSystem } from "./app-secrets";
import { createClaimToken } from "./claim-token";

/** The page where a merchant who started in the shop's backend picks the integration to connect. */
export const appStoreClaimUrl = (system: AppStoreSystem, pendingId: string, appUrl = env().APP_URL) =>
  `${appUrl}/install/app-store/${system}?claim=${encodeURIComponent(createClaimToken(system, pendingId))}`;
