import type { ExternalCallRecord } from "@/connectors/types";
import type { Db } from "../db/client";

const MAX_BODY = 16_000;
const clip = (text?: string) => (text && text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text);

/**
 * Collects a connector's external calls during one step, then stores them for "More info" and
 * Report problem. Each call keeps the moment it was recorded, strictly after the one before:
 * stored in one statement they would otherwise share one timestamp and lose their order.
 */
export function callRecorder() {
  const calls: (ExternalCallRecord & { at: Date })[] = [];
  let last = 0;
  return {
    onCall: (call: ExternalCallRecord) => {
      last = Math.max(Date.now(), last + 1);
      calls.push({ ...call, at: new Date(last) });
    },
    async save(db: Db, integrationId: string, documentId?: string) {
      if (calls.length === 0) return;
      await db.externalCall.createMany({
        data: calls.splice(0).map((c) => ({
          integrationId, documentId, system: c.system, method: c.method, url: c.url,
          requestBody: clip(c.requestBody), status: c.status, responseBody: clip(c.responseBody),
          durationMs: Math.round(c.durationMs), error: c.error, at: c.at,
        })),
      });
    },
  };
}
