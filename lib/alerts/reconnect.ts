import { createHash } from "node:crypto";
import { systemNames, type SystemId } from "@/connectors/types";
import type { Db } from "../db/client";
import { isCredentialFailure } from "../pipeline/connection-health";
import { integrationLine, links, sendAlertMail } from "./alert-mail";
import { claimAlert, recordAlertMail, type AlertSubject } from "./claim";
import type { ErrorRecorded } from "./error-recorded";
import { alertPreferences } from "./preferences";

/** Failures that mean the merchant must reconnect (the same list that turns the connection's dot red). */
export const needsReconnect = (event: Pick<ErrorRecorded, "code" | "side">) => !!event.side && isCredentialFailure(event.code);

/**
 * "Reconnect needed": one mail per connection when its token expired or its key was revoked, and
 * none again until it has worked since: its credentials changed (the merchant reconnected, or a
 * token was refreshed: the alert keeps a fingerprint of the sealed credentials it was about), or a
 * document or payment was booked after the mail (both ends answered). The connection's red/green
 * status cannot tell: the next failure turns it red again before this runs. Nothing else has to
 * reset it, so no code path of the wizard or the pipeline needs to know about alerts.
 */
export async function alertReconnect(db: Db, event: ErrorRecorded): Promise<{ sent: boolean; reason?: string }> {
  if (!needsReconnect(event)) return { sent: false, reason: "not a credential failure" };
  const side = event.side!;
  const integration = await db.integration.findUnique({
    where: { id: event.integrationId },
    select: { id: true, accountId: true, name: true, licenseKey: true, connections: { where: { side }, select: { system: true, credentialsEnc: true } } },
  });
  if (!integration) return { sent: false, reason: "no integration" };

  const credentials = fingerprint(integration.connections[0]?.credentialsEnc);
  const workedSince = async (previous: { sentAt: Date; subjectId: string | null }) => {
    if (previous.subjectId !== credentials) return true;
    const [booked, paid] = await Promise.all([
      db.document.count({ where: { integrationId: integration.id, bookedAt: { gt: previous.sentAt } } }),
      side === "target" ? db.payment.count({ where: { integrationId: integration.id, status: "booked", updatedAt: { gt: previous.sentAt } } }) : Promise.resolve(0),
    ]);
    return booked + paid > 0;
  };
  const subject: AlertSubject = { accountId: integration.accountId, kind: "reconnect", key: `${integration.id}|${side}`, subjectId: credentials };
  const claimed = await claimAlert(db, subject, workedSince);
  if (!claimed) return { sent: false, reason: "already alerted" };
  if (!(await alertPreferences(db, integration.accountId)).reconnect) return { sent: false, reason: "switched off" };

  const systemId = integration.connections[0]?.system as SystemId | undefined;
  const urls = links(integration);
  const mail = await sendAlertMail(db, integration.accountId, "alert.reconnect", (t) => {
    const system = (systemId && systemNames[systemId]) ?? t(side === "source" ? "sideSource" : "sideTarget");
    return {
      subject: t("reconnectSubject", { name: integration.name, system }),
      body: t("reconnectBody", { system, integration: integrationLine(t, integration), detail: event.message ?? event.code, ...urls }),
    };
  });
  if (mail) await recordAlertMail(db, subject, mail.id);
  return { sent: !!mail };
}

/** Which credentials an alert was about, without keeping anything of them. */
const fingerprint = (sealed: string | null | undefined) => createHash("sha256").update(sealed ?? "").digest("base64url").slice(0, 22);
