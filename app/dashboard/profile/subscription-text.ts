import type { SubscriptionRow } from "@/lib/billing/profile";
import { formatDate, type Locale } from "@/lib/i18n/locale";
import type { billingMessages } from "@/lib/i18n/messages/billing";
import type { Translate } from "@/lib/i18n/translate";

type Key = keyof (typeof billingMessages)["en"];

/** "Active", "Paused"… in the merchant's language. */
export function statusLabel(t: Translate<Key>, status: string): string {
  const keys: Record<string, Key> = { installing: "statusInstalling", active: "statusActive", paused: "statusPaused", cancelled: "statusCancelled" };
  return keys[status] ? t(keys[status]) : status;
}

export function invoiceStatusLabel(t: Translate<Key>, status: string): string {
  const keys: Record<string, Key> = { open: "invoiceOpen", paid: "invoicePaid", cancelled: "invoiceCancelled" };
  return keys[status] ? t(keys[status]) : status;
}

/** Until when it runs: trial until / paid until / paused since / cancelled on. */
export function accessLabel(t: Translate<Key>, locale: Locale, s: SubscriptionRow): string {
  const date = (d: Date) => formatDate(locale, d);
  if (s.status === "cancelled") return s.cancelledAt ? t("cancelledOn", { date: date(s.cancelledAt) }) : statusLabel(t, s.status);
  if (s.status === "paused") return t("pausedSince", { date: date(s.pausedAt ?? s.accessEndsAt ?? new Date()) });
  if (!s.accessEndsAt) return t("noEnd");
  return s.paidUntil && s.paidUntil >= s.accessEndsAt ? t("paidUntil", { date: date(s.paidUntil) }) : t("trialUntil", { date: date(s.accessEndsAt) });
}
