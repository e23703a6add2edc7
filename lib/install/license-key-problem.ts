import type { AccountSession } from "../auth/session";
import type { Db } from "../db/client";
import { integrationByLicenseKey } from "./find-integration";

/**
 * Why /install/<key> cannot open the wizard (install-access.ts said no), in the words the page
 * needs: no such key; the integration was cancelled (when, and which shop, to say how to start
 * again); it is installed and only its owner may open it (log in, or log in as someone else);
 * or the key was typed in another case and the wizard is at the canonical key.
 */
export type LicenseKeyProblem =
  | { kind: "unknown" }
  | { kind: "cancelled"; licenseKey: string; cancelledAt: Date; sourceSystem: string }
  | { kind: "login"; licenseKey: string; signedInElsewhere: boolean }
  | { kind: "other-case"; licenseKey: string };

export async function licenseKeyProblem(db: Db, licenseKey: string, session: AccountSession | null): Promise<LicenseKeyProblem> {
  const integration = await integrationByLicenseKey(db, licenseKey);
  if (!integration) return { kind: "unknown" };
  const key = integration.licenseKey;
  if (integration.status === "cancelled") {
    return { kind: "cancelled", licenseKey: key, cancelledAt: integration.cancelledAt ?? integration.updatedAt, sourceSystem: integration.sourceSystem };
  }
  const owner = session?.accountId === integration.accountId;
  if (key !== licenseKey && (owner || integration.status === "installing")) return { kind: "other-case", licenseKey: key };
  return { kind: "login", licenseKey: key, signedInElsewhere: !!session && !owner };
}
