import { NextResponse } from "next/server";
import { ConnectorError, type SourceSystem } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { openCredentials } from "@/lib/crypto/secrets";
import { canFetch, canReceive } from "@/lib/integrations/lifecycle";
import { isSourceId, MAX_SOURCE_ID_LENGTH } from "@/lib/pipeline/receive-document";
import { webhookDeliveryIdentities, webhookReceivers } from "@/connectors/registry";
import { inngest } from "@/inngest/client";
import { documentProcessRequested } from "@/inngest/events";
import { releaseDelivery, withinWindow } from "@/lib/webhooks/replay-guard";
import { decoyVerification } from "@/lib/webhooks/decoy";
import { recordDelivery } from "@/lib/webhooks/record-delivery";
import { findWebhookIntegration } from "@/lib/webhooks/webhook-integration";
import { urgently } from "@/lib/db/priority-lane";
import { withSecurityHeaders } from "@/lib/security/headers";

type Ctx = { params: Promise<{ system: string; licenseKey: string }> };

/**
 * The one answer for anything we cannot verify: an unknown license key, another system, an
 * integration without credentials, a bad signature, a stale timestamp. It never says which, so the
 * address reveals nothing about which integrations exist.
 */
const unverified = () => NextResponse.json({ error: "unauthorized", message: "This webhook could not be verified." }, { status: 401 });

/** Seconds-old timestamps only: how far a shop's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Webhook receiver: verify the signature on the raw body, refuse a stale or replayed delivery,
 * record, enqueue, answer in milliseconds. Anything unverified gets the same 401 and changes
 * nothing; a duplicate delivery finds the recorded document. A shop waits on the answer, so its
 * statements go ahead of background work on the embedded database (urgently), and it makes two:
 * one to find the integration, one to claim the delivery and record its documents. proxy.ts skips
 * this endpoint (see its matcher): the security headers are set here.
 */
export const POST = withSecurityHeaders((req: Request, ctx: Ctx) => urgently(() => receiveWebhook(req, ctx)));

async function receiveWebhook(req: Request, { params }: Ctx) {
  const { system, licenseKey } = await params;
  const receive = webhookReceivers[system as SourceSystem];
  const integration = receive ? await findWebhookIntegration(db(), decodeURIComponent(licenseKey)) : null;
  const credentialsEnc = integration?.credentialsEnc;
  // The body is read and a signature checked either way: an unknown address costs what a known one does.
  const body = await req.text();
  if (!receive || !integration || integration.sourceSystem !== system || !credentialsEnc) {
    decoyVerification(body);
    return unverified();
  }

  let notices;
  try {
    notices = receive({ headers: req.headers, body, credentials: openCredentials(credentialsEnc), url: req.url });
  } catch (err) {
    if (err instanceof ConnectorError && err.code === "unauthorized") return unverified();
    if (err instanceof ConnectorError) return NextResponse.json({ error: err.code, message: err.message }, { status: 400 });
    throw err;
  }
  // Cancelled: acknowledged (so the shop stops retrying) and ignored; nothing is recorded or booked.
  if (!canReceive(integration.status)) return NextResponse.json({ received: 0, queued: 0, ignored: "This integration was cancelled." });
  // A signed body can still name nonsense (a megabyte, control characters): refused, nothing recorded.
  if (!notices.every((n) => isSourceId(n.sourceId))) {
    return NextResponse.json({ error: "invalid_payload", message: `The webhook names a document id that is not a shop's id (at most ${MAX_SOURCE_ID_LENGTH} printable characters).` }, { status: 400 });
  }

  const delivery = webhookDeliveryIdentities[system as SourceSystem]?.({ headers: req.headers, body, url: req.url });
  if (delivery?.signedAt && !withinWindow(delivery.signedAt, delivery.ttlMs - CLOCK_SKEW_MS, CLOCK_SKEW_MS)) return unverified();
  const recorded = await recordDelivery(db(), integration.id, delivery, notices);
  if (recorded.replayed) {
    // A replay of a delivery we handled: acknowledged, so a genuine redelivery stops too, and nothing is fetched again.
    return NextResponse.json({ received: notices.length, queued: 0, replayed: true });
  }

  try {
    const queued = recorded.toProcess;
    // Paused integrations queue too: process-document holds the document on the Open tab until renewal.
    if (queued.length && canFetch(integration.status)) {
      await inngest.send(queued.map((documentId) => documentProcessRequested.create({ documentId, integrationId: integration.id })));
    }
    return NextResponse.json({ received: notices.length, queued: queued.length });
  } catch (err) {
    // Not handled after all: the shop's redelivery must get through.
    if (delivery) await releaseDelivery(db(), integration.id, delivery.key).catch(() => undefined);
    throw err;
  }
}
