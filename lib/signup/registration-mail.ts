import { systemNames, type SourceSystem, type TargetSystem } from "@/connectors/types";
import type { Db } from "../db/client";
import { sendMail } from "../email/send-mail";
import { formatDate, type Locale } from "../i18n/locale";
import { registrationMailMessages } from "../i18n/messages/signup-mail";
import { translator } from "../i18n/translate";

export type RegistrationMailInput = {
  locale: Locale;
  to: string;
  name: string;
  accountId: string;
  licenseKey: string;
  source: SourceSystem;
  target: TargetSystem;
  trialEndsAt: Date;
  /** Only for a login created by this sign-up; an existing login keeps its own password. */
  password?: string;
  /** The webshop was connected by an App Store install already. */
  shopConnected?: boolean;
  appUrl: string;
  supportEmail: string;
};

export const installationUrl = (appUrl: string, licenseKey: string) => `${appUrl}/install/${encodeURIComponent(licenseKey)}`;

/** The mail as plain text: every link on a line of its own, so any mail client makes it clickable. */
export function registrationMail(input: RegistrationMailInput): { subject: string; text: string } {
  const t = translator(registrationMailMessages, input.locale);
  const pair = { source: systemNames[input.source], target: systemNames[input.target] };
  const trialEnd = formatDate(input.locale, input.trialEndsAt);
  const login = input.password
    ? [t("loginUrl", { url: `${input.appUrl}/login` }), t("loginEmail", { email: input.to }), t("loginPassword", { password: input.password }), "", t("passwordAdvice")]
    : [t("loginUrl", { url: `${input.appUrl}/login` }), t("loginEmail", { email: input.to }), "", t("existingLogin")];
  const text = [
    t("greeting", { name: input.name }),
    "",
    t("thanks", { ...pair, trialEnd }),
    "",
    t("installHeading"),
    input.shopConnected ? t("installAppStore", pair) : t("installText"),
    t("installUrl", { url: installationUrl(input.appUrl, input.licenseKey) }),
    "",
    t("loginHeading"),
    ...login,
    "",
    t("licenseKey", { key: input.licenseKey }),
    t("licenseKeyText"),
    t("trialEnd", { date: trialEnd }),
    "",
    t("closing", { support: input.supportEmail }),
    "",
    t("signature"),
  ].join("\n");
  return { subject: t("subject", pair), text };
}

export async function sendRegistrationMail(db: Db, input: RegistrationMailInput): Promise<string> {
  const mail = registrationMail(input);
  const { id } = await sendMail(db, { kind: "registration", locale: input.locale, to: input.to, accountId: input.accountId, ...mail });
  return id;
}
