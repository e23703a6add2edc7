import { alertsDailyDigest } from "./alerts-daily-digest";
import { alertsErrorRecordedFn } from "./alerts-error-recorded";
import { alertsWeeklySummary } from "./alerts-weekly-summary";
import { billingDaily } from "./billing-daily";
import { checkPayments } from "./check-payments";
import { historyImportRun } from "./history-import-run";
import { historyImportScan } from "./history-import-scan";
import { processDocument } from "./process-document";
import { pollDue } from "./poll-due";
import { processPayment } from "./process-payment";
import { recheckOpen } from "./recheck-open";
import { recheckPayments } from "./recheck-payments";
import { recheckShops } from "./recheck-shops";
import { schedulePaymentChecks } from "./schedule-payment-checks";
import { syncIntegration } from "./sync-integration";

/** Every function the app serves at /api/inngest. */
export const functions = [syncIntegration, processDocument, processPayment, recheckOpen, recheckPayments, pollDue, recheckShops, billingDaily,
  alertsErrorRecordedFn, alertsDailyDigest, alertsWeeklySummary, historyImportScan, historyImportRun, schedulePaymentChecks, checkPayments];
