import { boolParam, stringParam, unknownFields } from "./http";
import { DUTCH_COUNTRY_ID, findCountry } from "./seed";
import type { ClientJson, Reference } from "./state";

const CLIENT_FIELDS = [
  "contact", "showcontact", "company", "address", "zipcode", "city", "country", "phone", "mobile", "email", "bankcode", "biccode",
  "taxnumber", "tax_shifted", "sendmethod", "paymentmethod", "top", "stddiscount", "mailintro", "reference", "notes", "notes_on_invoice",
  "active", "default_doclang", "currency", "tax_type", "collecttype", "mandate_id", "mandate_date", "default_email", "default_category",
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Built<T> = { ok: true; value: T } | { ok: false; message: string };

export function referenceParam(value: unknown): Reference | string {
  if (value === undefined || value === null || value === "") return { line1: "", line2: "", line3: "" };
  if (typeof value !== "object" || Array.isArray(value)) return "reference moet een object zijn met line1, line2 en line3";
  const v = value as Record<string, unknown>;
  const extra = unknownFields(v, ["line1", "line2", "line3"]);
  if (extra.length) return `Onbekend veld in reference: ${extra.join(", ")}`;
  const line = (k: string) => stringParam(v[k]) ?? "";
  return { line1: line("line1"), line2: line("line2"), line3: line("line3") };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T | string {
  if (value === undefined || value === null || value === "") return fallback;
  const text = String(value).trim().toLowerCase();
  return (allowed as readonly string[]).includes(text) ? (text as T) : `Ongeldige waarde voor ${field}: ${String(value)} (toegestaan: ${allowed.join(", ")})`;
}

/** POST /clients (and PUT, merged over `existing`): validated as strictly as the real form would. */
export function buildClient(body: Record<string, unknown>, clientnr: string, existing?: ClientJson): Built<ClientJson> {
  const extra = unknownFields(body, CLIENT_FIELDS);
  if (extra.length) return { ok: false, message: `Onbekend veld: ${extra.join(", ")}` };
  const str = (k: (typeof CLIENT_FIELDS)[number]) => (body[k] === undefined ? (existing?.[k as keyof ClientJson] as string | undefined) ?? "" : (stringParam(body[k]) ?? ""));
  const bool = (k: (typeof CLIENT_FIELDS)[number], fallback: boolean): string | null => {
    if (body[k] === undefined) return (existing?.[k as keyof ClientJson] as string | undefined) ?? String(fallback);
    const b = boolParam(body[k]);
    return b === undefined ? null : String(b);
  };

  const contact = str("contact").trim();
  const company = str("company").trim();
  if (!contact && !company) return { ok: false, message: "Vul een contactpersoon of een bedrijfsnaam in" };
  const email = str("email").trim();
  if (email && !EMAIL.test(email)) return { ok: false, message: `Ongeldig e-mailadres: ${email}` };

  const countryInput = body.country === undefined ? existing?.country ?? "" : stringParam(body.country) ?? "";
  const country = countryInput.trim() ? findCountry(countryInput) : undefined;
  if (countryInput.trim() && !country) return { ok: false, message: `Onbekend land: ${countryInput}` };

  const sendmethod = oneOf(body.sendmethod ?? existing?.sendmethod, ["mail", "email", "printcenter"] as const, "mail", "sendmethod");
  const paymentmethod = oneOf(body.paymentmethod ?? existing?.paymentmethod, ["bank", "autocollect"] as const, "bank", "paymentmethod");
  const taxType = oneOf(body.tax_type ?? existing?.tax_type, ["intax", "extax"] as const, "extax", "tax_type");
  for (const value of [sendmethod, paymentmethod, taxType]) if (value.startsWith("Ongeldige")) return { ok: false, message: value };
  if (sendmethod === "email" && !email) return { ok: false, message: "Voor versturen per e-mail is een e-mailadres nodig" };

  const reference = body.reference === undefined && existing ? existing.reference : referenceParam(body.reference);
  if (typeof reference === "string") return { ok: false, message: reference };

  const flags = { showcontact: bool("showcontact", true), tax_shifted: bool("tax_shifted", false), notes_on_invoice: bool("notes_on_invoice", false), active: bool("active", true) };
  const badFlag = Object.entries(flags).find(([, v]) => v === null);
  if (badFlag) return { ok: false, message: `Ongeldige waarde voor ${badFlag[0]}` };

  const top = str("top") || "30";
  if (!/^\d{1,3}$/.test(top)) return { ok: false, message: `Ongeldige betalingstermijn (top): ${top}` };

  return {
    ok: true,
    value: {
      clientnr, contact, showcontact: flags.showcontact!, company, address: str("address"), zipcode: str("zipcode"), city: str("city"),
      country: country?.id ?? DUTCH_COUNTRY_ID, phone: str("phone"), mobile: str("mobile"), email, bankcode: str("bankcode"), biccode: str("biccode"),
      taxnumber: str("taxnumber"), tax_shifted: flags.tax_shifted!, lastinvoice: existing?.lastinvoice ?? "", sendmethod, paymentmethod, top,
      stddiscount: str("stddiscount") || "0", mailintro: str("mailintro") || "Geachte heer/mevrouw,", reference, notes: str("notes"),
      notes_on_invoice: flags.notes_on_invoice!, active: flags.active!, default_doclang: str("default_doclang") || "nl",
      default_email: str("default_email") || "0", currency: str("currency") || "EUR", mandate_id: str("mandate_id"), mandate_date: str("mandate_date"),
      collecttype: str("collecttype") || "FRST", tax_type: taxType, default_category: str("default_category") || "0",
      timestamp: new Date().toISOString().replace("T", " ").slice(0, 19),
    },
  };
}
