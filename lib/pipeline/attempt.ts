import { NonRetriableError, RetryAfterError } from "inngest";
import { toFailure, type Failure } from "./failure";

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Runs one external call inside a step. A failure a retry cannot fix comes back as a value (the
 * function records it for the Errors tab); a retryable one is thrown so Inngest retries the step,
 * after the system's Retry-After when it gave one.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    const failure = toFailure(err);
    if (!failure.retryable) return { ok: false, failure };
    if (failure.retryAfterMs) throw new RetryAfterError(`${failure.code}: ${failure.message}`, failure.retryAfterMs);
    throw new Error(`${failure.code}: ${failure.message}`, { cause: err });
  }
}

export { NonRetriableError };
