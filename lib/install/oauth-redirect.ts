import { env } from "../config/env";

/** The redirect URI registered with each OAuth accounting system. */
export const oauthRedirectUri = (system: string, appUrl = env().APP_URL) => `${appUrl}/api/oauth/${system}/callback`;

export const wizardUrl = (licenseKey: string, anchor: string, notice?: string, appUrl = env().APP_URL) =>
  `${appUrl}/install/${encodeURIComponent(licenseKey)}${notice ? `?notice=${encodeURIComponent(notice)}` : ""}${anchor}`;
