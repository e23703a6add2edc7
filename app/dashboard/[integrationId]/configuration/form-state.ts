import type { FieldError } from "@/lib/integrations/configuration-schema";
import type { FieldValue } from "@/lib/integrations/configuration-values";

/** What a group's save answers: saved, or the errors per field with the values as typed. */
export type ConfigFormState = {
  status: "idle" | "saved" | "invalid";
  at: number;
  errors: Record<string, FieldError>;
  values?: Record<string, FieldValue>;
  /** Saved, but something after it failed (e.g. re-registering the shop's webhooks), in the system's words. */
  warning?: string;
};

/** What a refresh answers: done, or the problem (the system's message, or "notFound"). */
export type RefreshState = { at: number; done?: boolean; problem?: string };
