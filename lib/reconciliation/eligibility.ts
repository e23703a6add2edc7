/**
 * Which documents a period's reconciliation counts. Eligible = the integration took it on to book:
 * booked, failed (error) or on its way (queued, processing). Not eligible: `open` (the shop status
 * does not allow booking yet, re-checked nightly) and `skipped` (deliberately not booked, e.g. before
 * the integration's start date or excluded by a setting).
 */
export const ELIGIBLE_STATUSES = ["booked", "error", "queued", "processing"] as const;
export const NOT_BOOKED_STATUSES = ["error", "queued", "processing"] as const;
export const NOT_ELIGIBLE_STATUSES = ["open", "skipped"] as const;
