import { ConnectorError } from "@/connectors/types";
import { BookingError } from "../domain/booking-error";

/** `params`: what the failure is about (region, rate, field…); with `code`, the cause errors are grouped by. */
export type Failure = { code: string; message: string; retryable: boolean; retryAfterMs?: number; params?: Record<string, unknown> };

/** Every failure, whatever threw it, as a stable code, a plain-language message and whether a retry can help. */
export function toFailure(err: unknown): Failure {
  if (err instanceof BookingError) return { code: err.code, message: err.message, retryable: false, ...(err.detail ? { params: err.detail } : {}) };
  if (err instanceof ConnectorError) {
    return { code: err.code, message: err.message, retryable: err.retryable, retryAfterMs: err.detail?.retryAfterMs };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: "internal_error", message: `Unexpected error: ${message}`, retryable: true };
}
