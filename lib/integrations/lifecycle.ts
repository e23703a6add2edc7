/**
 * What an integration may do in each state of its life. The one place that says so: webhooks,
 * polls, nightly re-checks, booking, payments and the dashboard's buttons all ask here.
 *
 * - installing: the wizard is not finished. Announced documents are recorded; nothing is fetched
 *   on a schedule; Process may book by hand.
 * - active: everything runs.
 * - paused: the trial or subscription ended unpaid. Nothing is lost: documents keep arriving
 *   (webhooks, polls, re-checks record them) but are held on the Open tab, payments wait, until
 *   the renewal is paid and the held work is released (lib/billing/resume-integration.ts).
 * - cancelled: nothing is fetched or booked any more; webhooks are acknowledged and ignored;
 *   what was booked stays visible on the dashboard.
 */
export const INTEGRATION_STATUSES = ["installing", "active", "paused", "cancelled"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

/** The states in which the app goes out to the shop on a schedule (polls, nightly re-checks). */
export const FETCHING_STATUSES = ["active", "paused"] as const satisfies readonly IntegrationStatus[];

/** A webhook or Fetch now announces a document: recorded unless the integration was cancelled. */
export const canReceive = (status: string): boolean => status !== "cancelled";

export const isCancelled = (status: string): boolean => status === "cancelled";

/** Polls, re-checks and Fetch now go out to the shop. */
export const canFetch = (status: string): boolean => (FETCHING_STATUSES as readonly string[]).includes(status);

/** A document or payment may be booked in the accounting system. */
export const canBook = (status: string): boolean => status !== "paused" && status !== "cancelled";

/**
 * The status once the wizard is finished: an installing integration becomes active; finishing the
 * wizard again never resumes a paused one (that takes the renewal payment) nor revives a cancelled one.
 */
export const statusAfterInstall = (status: string): string => (status === "installing" ? "active" : status);

/** Prisma filter: integrations the schedulers fetch for. */
export const fetchingIntegrations = { status: { in: [...FETCHING_STATUSES] } };

/** Prisma filter: integrations whose waiting work the nightly re-tries pick up (paused ones wait for the payment). */
export const bookingIntegrations = { status: "active" };

/** The error codes a held document or payment carries while its integration may not book. */
export const HELD_PAUSED = "integration_paused";
export const HELD_CANCELLED = "integration_cancelled";

export type BookingHold = { code: typeof HELD_PAUSED | typeof HELD_CANCELLED; message: string };

/**
 * Why nothing may be booked now, in the words stored on the document (the Open tab shows them),
 * or null when booking may go ahead.
 */
export function bookingHold(status: string): BookingHold | null {
  if (status === "paused") {
    return {
      code: HELD_PAUSED,
      message: "The integration is paused because its trial or subscription period has ended. This document is kept here and booked automatically as soon as the renewal is paid (Profile → Subscription).",
    };
  }
  if (status === "cancelled") {
    return { code: HELD_CANCELLED, message: "The integration was cancelled, so nothing is booked any more. Book this document by hand if it is still needed." };
  }
  return null;
}
