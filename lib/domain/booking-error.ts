/**
 * A document that cannot be booked as it is. `code` is stable (Errors tab, grouping, docs);
 * `message` is plain language for the merchant and says what to do.
 */
export class BookingError extends Error {
  constructor(readonly code: string, message: string, readonly detail?: Record<string, unknown>) {
    super(message);
    this.name = "BookingError";
  }
}
