import type { ExternalCallRecord } from "@/connectors/types";
import type { Db } from "../db/client";

const MAX_BODY = 16_000;
const clip = (text?: string) => (text && text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text);

/** Collects a connector's external calls during one step, then stores them for "More info". */
export function callRecorder() {
  const calls: ExternalCallRecord[] = [];
  return {
    onCall: (call: ExternalCallRecord) => void calls.push(call),
    async save(db: Db, integrationId: string, documentId?: string) {
      if (calls.length === 0) return;
      await db.externalCall.createMany({
        data: calls.splice(0).map((c) => ({
          integrationId, documentId, system: c.system, method: c.method, url: c.url,
          requestBody: clip(c.requestBody), status: c.status, responseBody: clip(c.responseBody),
          durationMs: Math.round(c.durationMs), error: c.error,
        })),
      });
    },
  };
}
