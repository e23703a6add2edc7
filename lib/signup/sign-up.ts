import { systemNames } from "@/connectors/types";
import { env, isSandbox, sandboxUrl } from "../config/env";
import { hashPassword } from "../crypto/password";
import type { Db } from "../db/client";
import { generateLicenseKey, withUniqueLicenseKey } from "../integrations/license-key";
import type { Locale } from "../i18n/locale";
import { generatePassword } from "./generate-password";
import { initialConnections } from "./initial-connections";
import { sendRegistrationMail } from "./registration-mail";
import { parseSignUp, type SignUpErrors, type SignUpInput } from "./signup-input";
import { takeSignupSlot } from "./signup-throttle";
import { TERMS_VERSION } from "./terms";

export const TRIAL_DAYS = 30;

export type SignUpOptions = {
  /** The client's address, for the per-address throttle. */
  ip?: string;
  now?: Date;
  /** Default: 30 days from now. App Store installs run to the first of next month instead. */
  trialEndsAt?: Date;
  /** App Store installs: never attach a shop to an existing account without its login. */
  requireNewAccount?: boolean;
  /**
   * Runs after the account and integration exist, before the mail: an App Store install attaches
   * its shop here. Returns whether the webshop is connected (the mail then says so).
   */
  onCreated?: (created: { integrationId: string; licenseKey: string; accountId: string }) => Promise<{ shopConnected: boolean }>;
  appUrl?: string;
  sandbox?: boolean;
  supportEmail?: string;
  newLicenseKey?: () => string;
};

export type SignedUp = {
  status: "created";
  accountId: string;
  userId: string;
  integrationId: string;
  licenseKey: string;
  /** False when the email address already had a login, which was reused (no new password). */
  newLogin: boolean;
  email: string;
  locale: Locale;
  mailId: string;
};

export type SignUpResult =
  | SignedUp
  | { status: "invalid"; errors: SignUpErrors }
  | { status: "throttled"; retryAt: Date }
  | { status: "existing-account"; email: string };

/**
 * The trial sign-up: validates the form, counts it against the address's throttle, then in one
 * transaction creates the merchant account and owner login (or reuses the login that already has
 * this email address) and the integration (installing, unguessable license key, trial end, terms
 * accepted now in the current version), and sends the registration mail in the chosen language.
 */
export async function signUp(db: Db, raw: Record<string, unknown>, options: SignUpOptions = {}): Promise<SignUpResult> {
  const parsed = parseSignUp(raw);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors };
  const input = parsed.data;
  const now = options.now ?? new Date();

  // Throttled before anything else, so the answers cannot be used to probe which addresses have a login.
  const retryAt = await takeSignupSlot(db, options.ip, now);
  if (retryAt) return { status: "throttled", retryAt };
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing && options.requireNewAccount) return { status: "existing-account", email: input.email };

  // Hashing is slow on purpose: done before the transaction, and only when a login may be needed.
  const password = existing ? undefined : generatePassword();
  const passwordHash = password ? await hashPassword(password) : undefined;
  const appUrl = options.appUrl ?? env().APP_URL;
  const sandbox = options.sandbox ?? isSandbox();
  const trialEndsAt = options.trialEndsAt ?? new Date(now.getTime() + TRIAL_DAYS * 86_400_000);

  const created = await withUniqueLicenseKey(
    (licenseKey) => db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, accountId: true } });
      if (user && options.requireNewAccount) return null;
      // A login created between the check above and now (a double submit) is reused like any other.
      const login = user ?? (passwordHash ? await createOwner(tx, input, passwordHash, now) : null);
      if (!login) throw new Error("A new login needs a password.");
      const integration = await tx.integration.create({
        data: {
          accountId: login.accountId,
          licenseKey,
          name: `${input.company} (${systemNames[input.source]} → ${systemNames[input.target]})`,
          sourceSystem: input.source,
          targetSystem: input.target,
          status: "installing",
          trialEndsAt,
          termsAcceptedAt: now,
          termsVersion: TERMS_VERSION,
          connections: { create: initialConnections(input.source, input.target, licenseKey, { sandboxOrigin: options.appUrl ?? sandboxUrl(), sandbox }) },
        },
        select: { id: true, licenseKey: true },
      });
      return { ...login, integrationId: integration.id, licenseKey: integration.licenseKey, newLogin: !user };
    }),
    options.newLicenseKey ?? generateLicenseKey,
  );
  if (!created) return { status: "existing-account", email: input.email };
  const after = await options.onCreated?.(created);

  const mailId = await sendRegistrationMail(db, {
    locale: input.locale,
    to: input.email,
    name: input.name,
    accountId: created.accountId,
    licenseKey: created.licenseKey,
    source: input.source,
    target: input.target,
    trialEndsAt,
    password: created.newLogin ? password : undefined,
    shopConnected: after?.shopConnected,
    appUrl,
    supportEmail: options.supportEmail ?? env().SUPPORT_EMAIL,
  });
  return { status: "created", accountId: created.accountId, userId: created.id, integrationId: created.integrationId, licenseKey: created.licenseKey, newLogin: created.newLogin, email: input.email, locale: input.locale, mailId };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function createOwner(tx: Tx, input: SignUpInput, passwordHash: string, now: Date) {
  const account = await tx.account.create({
    data: {
      name: input.company,
      locale: input.locale,
      country: input.country,
      createdAt: now,
      users: { create: { email: input.email, name: input.name, passwordHash, role: "owner", createdAt: now } },
    },
    select: { id: true, users: { select: { id: true } } },
  });
  return { id: account.users[0]!.id, accountId: account.id };
}
