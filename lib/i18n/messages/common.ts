import { defineMessages, translator, type Translate } from "../translate";
import type { Locale } from "../locale";

/** Words the dashboard and the wizard share: the two sides, connection states, document kinds and states. */
export const commonMessages = defineMessages({
  en: {
    webshop: "Webshop",
    accounting: "Accounting",
    webshopOf: "Webshop ({name})",
    accountingOf: "Accounting ({name})",
    // Connection dot (title text; the English words are what the wizard specs read).
    "connection.ok": "ok",
    "connection.error": "error",
    "connection.unknown": "unknown",
    "kind.order": "Order",
    "kind.invoice": "Invoice",
    "kind.creditnote": "Credit note",
    "document.open": "Open",
    "document.queued": "Queued",
    "document.processing": "Processing",
    "document.booked": "Booked",
    "document.error": "Error",
    "payment.waiting": "Waiting",
    "payment.queued": "Queued",
    "payment.processing": "Processing",
    "payment.booked": "Booked",
    "payment.error": "Error",
    "integration.installing": "Installing",
    "integration.active": "Active",
    "integration.paused": "Paused",
    "integration.cancelled": "Cancelled",
  },
  nl: {
    webshop: "Webwinkel",
    accounting: "Boekhouding",
    webshopOf: "Webwinkel ({name})",
    accountingOf: "Boekhouding ({name})",
    "connection.ok": "in orde",
    "connection.error": "fout",
    "connection.unknown": "nog niet gecontroleerd",
    "kind.order": "Bestelling",
    "kind.invoice": "Factuur",
    "kind.creditnote": "Creditfactuur",
    "document.open": "Open",
    "document.queued": "In de wachtrij",
    "document.processing": "Wordt verwerkt",
    "document.booked": "Geboekt",
    "document.error": "Fout",
    "payment.waiting": "Wacht",
    "payment.queued": "In de wachtrij",
    "payment.processing": "Wordt verwerkt",
    "payment.booked": "Geboekt",
    "payment.error": "Fout",
    "integration.installing": "Wordt geïnstalleerd",
    "integration.active": "Actief",
    "integration.paused": "Gepauzeerd",
    "integration.cancelled": "Opgezegd",
  },
});

type CommonKey = keyof typeof commonMessages.en;

/** A value stored as a code (`order`, `booked`…) in the reader's words; an unknown code as it is. */
export function labelOf(locale: Locale, group: "kind" | "document" | "payment" | "integration" | "connection", code: string): string {
  const key = `${group}.${code}`;
  return key in commonMessages.en ? translator(commonMessages, locale)(key as CommonKey) : code;
}

export const commonTranslator = (locale: Locale): Translate<CommonKey> => translator(commonMessages, locale);
