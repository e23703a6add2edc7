import { ConnectorError } from "@/connectors/types";
import { BookingError } from "../domain/booking-error";

export type Failure = { code: string; message: string; retryable: boolean; retryAfterMs?: number };

/** Every failure, whatever threw it, as a stable code, a plain-language message and whether a retry can help. */
export function toFailure(err: unknown): Failure {
  if (err instanceof BookingError) return { code: err.code, message: err.message, retryable: false };
  if (err instanceof ConnectorError) {
    return { code: err.code, message: err.message, retryable: err.retryable, retryAfterMs: err.detail?.retryAfterMs };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: "internal_error", message: `Unexpected error: ${message}`, retryable: true };
}
