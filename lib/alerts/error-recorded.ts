/** What the pipeline reports when it records an error (event alerts/error.recorded). */
export type ErrorRecorded = {
  integrationId: string;
  /** A document or payment on the Errors/Payments tab, or a connection (a poll that failed). */
  subject: "document" | "payment" | "connection";
  subjectId?: string;
  code: string;
  message?: string;
  params?: Record<string, unknown>;
  /** The connection the failure came from, when the pipeline knows it. */
  side?: "source" | "target";
};
