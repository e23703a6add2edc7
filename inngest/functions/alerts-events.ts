import { eventType } from "inngest";
import { z } from "zod";

/**
 * The pipeline recorded an error (a document or payment on Errors, or a poll refused): the alert
 * functions decide whether it is worth a mail. Sent, never awaited for mail, by the booking path.
 */
export const alertsErrorRecorded = eventType("alerts/error.recorded", {
  schema: z.object({
    integrationId: z.string().min(1),
    subject: z.enum(["document", "payment", "connection"]),
    subjectId: z.string().min(1).optional(),
    code: z.string().min(1),
    message: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    side: z.enum(["source", "target"]).optional(),
  }),
});
