import { sendProcessEvents } from "../dashboard/send-process-events";
import type { Db } from "../db/client";
import { documentsWaitingForReconnect } from "./reconnect-hold";

/**
 * New credentials were saved: the documents that waited for them are processed again, each once
 * (a booked one is never booked again; the target is searched by our reference first). A send that
 * fails loses nothing: they stay on the Open tab, which the nightly re-check processes.
 */
export async function resumeAfterReconnect(db: Db, integrationId: string): Promise<number> {
  const waiting = await documentsWaitingForReconnect(db, integrationId);
  if (!waiting.length) return 0;
  try {
    await sendProcessEvents(integrationId, waiting);
  } catch (err) {
    console.warn(`[reconnect] ${waiting.length} waiting document(s) of ${integrationId} left for the nightly re-check: ${err instanceof Error ? err.message : String(err)}`);
  }
  return waiting.length;
}
