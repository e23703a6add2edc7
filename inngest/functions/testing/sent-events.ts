/**
 * For tests that run process-document or process-payment through InngestTestEngine: the steps that
 * only send events to Inngest (payments to book, an alert to consider) are stood in for, so a test
 * never waits on SDK retries against an Inngest server that is not there. Tests of those events run
 * the receiving functions themselves.
 * A fresh list per run: the test engine keeps state on the step objects it is given.
 */
export const sentEventSteps = () => [
  { id: "send-payments", handler: () => ({ ids: [] }) },
  { id: "alert-error", handler: () => ({ ids: [] }) },
];
