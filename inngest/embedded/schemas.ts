import { z } from "zod";

/** zod schemas for everything that crosses HTTP: what the SDK and senders give us. */

/** One event as `inngest.send` (or any client) posts it to /e/:key. */
export const incomingEventSchema = z.looseObject({
  name: z.string().min(1).max(256),
  data: z.record(z.string(), z.unknown()).optional(),
  id: z.string().min(1).max(256).optional(),
  ts: z.number().int().nonnegative().optional(),
  user: z.unknown().optional(),
  v: z.string().optional(),
});
export type IncomingEvent = z.infer<typeof incomingEventSchema>;

/** One event or an array of them (the SDK always sends an array). */
export const eventsBodySchema = z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(incomingEventSchema).max(5000));

const concurrencyItemSchema = z.object({
  limit: z.number().int().nonnegative(),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

/** A function config as the SDK registers it (FN getConfig); unknown options are kept. */
export const functionConfigSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z
    .array(z.union([
      z.looseObject({ event: z.string().min(1), expression: z.string().optional() }),
      z.looseObject({ cron: z.string().min(1), jitter: z.string().optional() }),
    ]))
    .default([]),
  steps: z.record(
    z.string(),
    z.looseObject({
      runtime: z.looseObject({ url: z.url() }),
      retries: z.looseObject({ attempts: z.number().int().nonnegative().optional() }).optional(),
    }),
  ),
  concurrency: z.union([z.number().int().nonnegative(), concurrencyItemSchema, z.array(concurrencyItemSchema)]).optional(),
  idempotency: z.string().optional(),
  throttle: z.looseObject({ limit: z.number().int().positive(), period: z.union([z.string(), z.number()]), key: z.string().optional(), burst: z.number().int().nonnegative().optional() }).optional(),
  rateLimit: z.looseObject({ limit: z.number().int().positive(), period: z.union([z.string(), z.number()]), key: z.string().optional() }).optional(),
  cancel: z.array(z.looseObject({ event: z.string().min(1), if: z.string().optional(), timeout: z.string().optional() })).optional(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

/** Out-of-band sync: the SDK's POST /fn/register body. */
export const registerBodySchema = z.looseObject({
  url: z.url(),
  appName: z.string().min(1),
  functions: z.array(functionConfigSchema),
});

/** In-band sync: the SDK's answer to our PUT with x-inngest-sync-kind: in_band. */
export const inBandSyncResponseSchema = z.looseObject({
  app_id: z.string().min(1),
  url: z.url(),
  functions: z.array(functionConfigSchema),
});

export const serializedErrorSchema = z.looseObject({ name: z.string().optional(), message: z.string().optional() });

/** One op of a 206 answer (or of a checkpoint body). */
export const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof opSchema>;

export const opsSchema = z.array(opSchema);

/** POST /v1/checkpoint/:runId/async from the SDK while it runs steps inline. */
export const checkpointBodySchema = z.looseObject({
  run_id: z.string().min(1),
  fn_id: z.string().optional(),
  qi_id: z.string().optional(),
  steps: z.array(opSchema),
});

/** The streaming wrapper (201) the SDK sends when streaming is enabled. */
export const streamedResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string(),
});

/** A refused body's problems in one line, as the endpoints answer them. */
export const issuesText = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
