import type { Db } from "../db/client";
import type { Failure } from "./failure";

/** Failures that mean the credentials no longer work: the merchant must reconnect. */
const CREDENTIAL_FAILURES = new Set(["oauth_revoked", "unauthorized", "not_connected", "access_denied", "insufficient_scope"]);
export const isCredentialFailure = (code: string) => CREDENTIAL_FAILURES.has(code);

/** Turns the connection's dot red, with the reason, when a failure says its credentials are dead. */
export async function recordConnectionHealth(db: Db, integrationId: string, side: "source" | "target", failure: Pick<Failure, "code" | "message">) {
  if (!CREDENTIAL_FAILURES.has(failure.code)) return false;
  await db.connection.update({
    where: { integrationId_side: { integrationId, side } },
    data: { status: "error", statusDetail: failure.message, lastCheckedAt: new Date() },
  });
  return true;
}
