import { z } from "zod";

/**
 * Every environment variable the app reads, validated in one place.
 * Nothing is required: with no variable set the app runs embedded (PGlite under DATA_DIR,
 * generated secrets, embedded Inngest executor, sandbox mode on).
 */
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.string().default(".data"),
  /**
   * The embedded database on a thread of its own (default) or, with PGLITE_THREAD=0, in the app's
   * JavaScript thread (one core for everything; a fallback should the thread misbehave).
   */
  PGLITE_THREAD: flag,
  /**
   * The embedded database's page cache (PostgreSQL's shared_buffers, e.g. "32MB"). PGlite's own
   * default, 128MB, is a dedicated server's; pages it does not hold are read through the operating
   * system's file cache, so a small cache keeps the server's memory down at little cost.
   */
  PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS must be a size such as "32MB"').default("32MB"),
  APP_URL: z.url().default("http://localhost:3000"),
  /**
   * Sandbox mode: where the simulated shops and accounting systems are served. Unset: by this
   * server itself (APP_URL/sandbox/…). Set to a separate sandbox server (`npm run sandbox`), they
   * stay out of the app's process and database, as the real systems are (benchmarks use this).
   */
  SANDBOX_URL: optionalString.pipe(z.url().optional()),
  /** VIES (EU VAT-number check) base URL; default the EU's service, or the sandbox VIES for sandbox integrations. */
  VIES_BASE_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional()),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, "ENCRYPTION_KEY must be 32 bytes, base64 or hex")
      .optional(),
  ),
  /** The key secrets were sealed with before the last rotation: read, never written (SECURITY.md, `npm run secrets:reencrypt`). */
  ENCRYPTION_KEY_PREVIOUS: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, "ENCRYPTION_KEY_PREVIOUS must be 32 bytes, base64 or hex")
      .optional(),
  ),
  SANDBOX: flag,
  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_EMBEDDED_PORT: z.coerce.number().int().positive().default(8288),
  /** Seconds between lines of the server's memory breakdown in its log (diagnostics); unset: none. */
  MEMORY_LOG_S: z.coerce.number().int().positive().optional(),
  /** Where a CPU profile of the server goes: SIGUSR2 starts one, the next SIGUSR2 writes it (diagnostics); unset: off. */
  CPU_PROFILE_DIR: optionalString,
  ROMPSLOMP_CLIENT_ID: optionalString,
  ROMPSLOMP_CLIENT_SECRET: optionalString,
  /**
   * App-store installs (app/api/install/…): the App Secret Key of our app in CCV's Developer App
   * Center, and the app id and secret of our app in KMO Shops' app store. Without them only the
   * sandbox shops (sandbox mode, signed with the sandbox app secret) can install the app.
   */
  CCVSHOP_APP_SECRET: optionalString,
  KMOSHOPS_APP_ID: optionalString,
  KMOSHOPS_APP_SECRET: optionalString,
  SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must be smtp:// or smtps://").optional()),
  MAIL_FROM: z.string().default("Boekkoppeling <no-reply@localhost>"),
  SUPPORT_EMAIL: z.string().default("support@localhost"),
  /**
   * Subscriptions (lib/billing): Mollie's Payments API. Without MOLLIE_API_KEY, sandbox mode uses the
   * sandbox Mollie served by the app itself (/sandbox/mollie/billing); production needs a live key.
   */
  MOLLIE_API_KEY: optionalString.pipe(z.string().regex(/^(live|test)_\w{20,}$/, "MOLLIE_API_KEY must be a Mollie API key (live_… or test_…)").optional()),
  MOLLIE_BASE_URL: z.url().default("https://api.mollie.com"),
  /** Price of a one-year subscription per integration, excluding VAT, in euros ("150.00"). */
  SUBSCRIPTION_PRICE_EXCL_VAT: z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, "SUBSCRIPTION_PRICE_EXCL_VAT must be an amount in euros such as 150.00").default("150.00"),
  /** VAT rate on the subscription, in percent. */
  SUBSCRIPTION_VAT_RATE: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "SUBSCRIPTION_VAT_RATE must be a percentage such as 21").default("21"),
  /** Our own company details, printed on the merchant's subscription invoices. */
  BILLING_COMPANY_NAME: z.string().default("Boekkoppeling B.V."),
  BILLING_COMPANY_ADDRESS: z.string().default("Keizersgracht 1, 1015 CJ Amsterdam, Nederland"),
  BILLING_COMPANY_VAT_NUMBER: z.string().default("NL800000018B01"),
  BILLING_COMPANY_COC: z.string().default("12345678"),
  BILLING_COMPANY_IBAN: z.string().default("NL91ABNA0417164300"),
  BILLING_COMPANY_EMAIL: z.string().default("billing@localhost"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Embedded mode: no external database; one process owns the PGlite data directory. */
export const isEmbedded = (e: Env = env()) => !e.DATABASE_URL;

/** Sandbox mode: on by default when embedded, otherwise only with SANDBOX=1. */
export const isSandbox = (e: Env = env()) => e.SANDBOX ?? isEmbedded(e);

/** The origin the sandboxes are served from: a separate sandbox server, or this one. */
export const sandboxUrl = (e: Env = env()) => (e.SANDBOX_URL ?? e.APP_URL).replace(/\/+$/, "");

/** The embedded executor runs only when no real Inngest is configured. */
export const useEmbeddedInngest = (e: Env = env()) =>
  !e.INNGEST_DEV && !e.INNGEST_SIGNING_KEY && !e.INNGEST_BASE_URL;
