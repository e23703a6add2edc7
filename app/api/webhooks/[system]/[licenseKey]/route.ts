import { NextResponse } from "next/server";
import { ConnectorError, type SourceSystem } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { openCredentials } from "@/lib/crypto/secrets";
import { canFetch, canReceive } from "@/lib/integrations/lifecycle";
import { isSourceId, MAX_SOURCE_ID_LENGTH, receiveNotices } from "@/lib/pipeline/receive-document";
import { webhookReceivers } from "@/connectors/registry";
import { inngest } from "@/inngest/client";
import { documentProcessRequested } from "@/inngest/events";

type Ctx = { params: Promise<{ system: string; licenseKey: string }> };

const refuse = (status: number, error: string, message: string) => NextResponse.json({ error, message }, { status });

/**
 * Webhook receiver: verify, record, enqueue, answer in milliseconds. Anything unknown or unsigned
 * gets 401 and changes nothing; a duplicate delivery finds the recorded document.
 */
export async function POST(req: Request, { params }: Ctx) {
  const { system, licenseKey } = await params;
  const receive = webhookReceivers[system as SourceSystem];
  const integration = receive
    ? await db().integration.findUnique({ where: { licenseKey: decodeURIComponent(licenseKey) }, include: { connections: { where: { side: "source" } } } })
    : null;
  const credentialsEnc = integration?.connections[0]?.credentialsEnc;
  if (!receive || !integration || integration.sourceSystem !== system || !credentialsEnc) return refuse(401, "unknown_webhook", "Unknown webhook address.");
  // Cancelled: acknowledged (so the shop stops retrying) and ignored; nothing is recorded or booked.
  if (!canReceive(integration.status)) return NextResponse.json({ received: 0, queued: 0, ignored: "This integration was cancelled." });

  const body = await req.text();
  let notices;
  try {
    notices = receive({ headers: req.headers, body, credentials: openCredentials(credentialsEnc), url: req.url });
  } catch (err) {
    if (err instanceof ConnectorError && err.code === "unauthorized") return refuse(401, "bad_signature", err.message);
    if (err instanceof ConnectorError) return refuse(400, err.code, err.message);
    throw err;
  }
  // A signed body can still name nonsense (a megabyte, control characters): refused, nothing recorded.
  if (!notices.every((n) => isSourceId(n.sourceId))) {
    return refuse(400, "invalid_payload", `The webhook names a document id that is not a shop's id (at most ${MAX_SOURCE_ID_LENGTH} printable characters).`);
  }

  const queued = await receiveNotices(db(), integration.id, notices, { booked: "compare" });
  // Paused integrations queue too: process-document holds the document on the Open tab until renewal.
  if (queued.length && canFetch(integration.status)) {
    await inngest.send(queued.map((documentId) => documentProcessRequested.create({ documentId, integrationId: integration.id })));
  }
  return NextResponse.json({ received: notices.length, queued: queued.length });
}
