import { vatRuleByPrefix, type VatRule } from "./vat-number-rules";

/**
 * VAT numbers as customers type them ("nl 1234.56.789 b01", "GR 094014201", "0403.170.701"),
 * made comparable and checked offline: the shape and check digit of every EU member state and of
 * Northern Ireland. Whether the number is actually registered is VIES's business (lib/vies).
 */

/** Greece's VAT numbers use EL although its ISO country code is GR; Northern Ireland's use XI. */
const PREFIX_OF_ISO: Record<string, string> = { GR: "EL" };

export type NormalizedVatNumber = {
  /** The VAT prefix (EL for Greece, XI for Northern Ireland), as typed or from the hint; null when neither names a country. */
  country: string | null;
  /** The number after the prefix: no spaces, dots or dashes, upper case. */
  number: string;
  /** Prefix + number ("NL123456789B01"); just the number when the country is unknown. */
  compact: string;
};

export type VatNumberProblem = "empty" | "unknown_country" | "not_eu" | "format" | "checksum";

export type VatNumberValidation =
  | {
      ok: true;
      /** The VAT prefix VIES wants as countryCode: EL for Greece, XI for Northern Ireland. */
      country: string;
      /** The ISO 3166 country of the number (GR for EL, GB for XI), to compare with an address. */
      isoCountry: string;
      /** The number after the prefix, as VIES wants it as vatNumber. */
      number: string;
      /** Prefix + number, as printed on an invoice: "NL123456789B01", "ATU12345678", "EL094014201". */
      formatted: string;
    }
  | { ok: false; code: VatNumberProblem; reason: string };

const SEPARATORS = /[\s.\-‐-―]/g;

/** The VAT prefix for a country code given as ISO (GR, NL) or as VAT prefix (EL, XI); upper case. */
function prefixOf(country: string | undefined | null): string | undefined {
  const code = country?.trim().toUpperCase();
  if (!code) return undefined;
  return PREFIX_OF_ISO[code] ?? code;
}

/**
 * Strips spaces, dots and dashes, upper-cases, and splits off the country prefix when there is
 * one (GR is read as EL). Without a prefix, `countryHint` (the customer's country, ISO or VAT
 * prefix) names the country. A prefix in the number wins over the hint.
 */
export function normalizeVatNumber(input: string, countryHint?: string | null): NormalizedVatNumber {
  const clean = input.replace(SEPARATORS, "").toUpperCase();
  const head = clean.slice(0, 2);
  const typed = /^[A-Z]{2}$/.test(head) ? prefixOf(head)! : undefined;
  const hinted = prefixOf(countryHint);
  let country: string | null;
  let number: string;
  if (typed && vatRuleByPrefix.has(typed)) {
    [country, number] = [typed, clean.slice(2)];
  } else if (hinted) {
    // Without a known prefix the whole input is the number (French keys and Spanish NIFs may start with letters).
    [country, number] = [hinted, clean];
    if (typed === hinted) number = clean.slice(2);
  } else if (typed) {
    [country, number] = [typed, clean.slice(2)];
  } else {
    [country, number] = [null, clean];
  }
  return { country, number, compact: `${country ?? ""}${number}` };
}

/** Says, in words, what a body that lacks its country's shape looks like instead. */
function describeShape(rule: VatRule, body: string): string {
  const specific = rule.misshape?.(body);
  if (specific) return specific;
  if (body === "") return "has nothing after the prefix";
  const odd = [...new Set(body.replace(/[A-Z0-9]/g, ""))];
  if (odd.length) return `contains ${odd.map((c) => `'${c}'`).join(", ")}`;
  if (/^\d+$/.test(body)) return `has ${body.length} digit${body.length === 1 ? "" : "s"}`;
  const letters = [...new Set(body.replace(/\d/g, ""))].join("");
  const allowsLetters = /[A-Z]/.test(rule.shape.source.replace(/\\d/g, ""));
  return allowsLetters
    ? `does not have that shape (it has ${body.length} characters)`
    : `contains the letter${letters.length === 1 ? "" : "s"} ${letters} where only digits belong`;
}

/**
 * Checks a VAT number offline: the country's shape and its check digit. Accepts the number with
 * or without its prefix (then `countryHint`, the customer's country, decides), with spaces, dots
 * and dashes. Historic short forms are brought to today's length (BE 9 → 10 digits, EL 8 → 9).
 */
export function validateVatNumber(input: string, countryHint?: string | null): VatNumberValidation {
  const { country, number } = normalizeVatNumber(input, countryHint);
  const shown = input.trim();
  if (!country && !number) return { ok: false, code: "empty", reason: "No VAT number was given." };
  if (!country) {
    return {
      ok: false,
      code: "unknown_country",
      reason: `'${shown}' has no country prefix (such as NL, BE or DE) and the customer's country is unknown, so it cannot be checked.`,
    };
  }
  const rule = vatRuleByPrefix.get(country);
  if (!rule) {
    const reason = country === "GB"
      ? `'${country}${number}' is a UK VAT number; since Brexit only Northern Ireland traders have EU VAT numbers (they start with XI).`
      : `'${country}${number}' is not an EU VAT number: ${country} is not an EU member state (or XI for Northern Ireland).`;
    return { ok: false, code: "not_eu", reason };
  }
  if (!number) return { ok: false, code: "empty", reason: `No VAT number was given after the prefix ${country}.` };
  const body = rule.pad ? rule.pad(number) : number;
  const formatted = `${rule.prefix}${body}`;
  if (!rule.shape.test(body)) {
    return { ok: false, code: "format", reason: `${rule.prefix} VAT numbers are ${rule.format}; '${rule.prefix}${number}' ${describeShape(rule, number)}.` };
  }
  const problem = rule.problem(body);
  if (problem) {
    const typo = problem.includes("check") ? " (a typing error?)" : "";
    return { ok: false, code: "checksum", reason: `'${formatted}' is not a valid ${rule.adjective} VAT number: ${problem}${typo}.` };
  }
  return { ok: true, country: rule.prefix, isoCountry: rule.iso, number: body, formatted };
}
