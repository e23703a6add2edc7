import type { Locale } from "../i18n/locale";

/**
 * The webshop countries the sign-up offers (ISO 3166-1 alpha-2): the Netherlands and Belgium
 * first (most of our merchants), then the rest of the EU, then every other country. Names come
 * from the runtime's CLDR data in the page's language.
 */
export const FIRST_COUNTRIES = ["NL", "BE"] as const;

export const EU_COUNTRIES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
  "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
] as const;

const OTHER_COUNTRIES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AU AW AX AZ BA BB BD BF BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX DJ DM DO DZ EC EG EH ER ET FJ FK FM FO GA GB GD GE " +
  "GF GG GH GI GL GM GN GP GQ GS GT GU GW GY HK HM HN HT ID IL IM IN IO IQ IR IS JE JM JO JP KE KG KH KI " +
  "KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MU MV MW " +
  "MX MY MZ NA NC NE NF NG NI NO NP NR NU NZ OM PA PE PF PG PH PK PM PN PR PS PW PY QA RE RS RU RW SA SB " +
  "SC SD SG SH SJ SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

export const COUNTRY_CODES: ReadonlySet<string> = new Set([...EU_COUNTRIES, ...OTHER_COUNTRIES]);

export const isCountryCode = (code: string) => COUNTRY_CODES.has(code);

const intlTag: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

export function countryName(locale: Locale, code: string): string {
  return new Intl.DisplayNames([intlTag[locale]], { type: "region", fallback: "code" }).of(code) ?? code;
}

export type CountryOption = { code: string; name: string };

/** The select's groups: first, EU, other; within a group alphabetical in the page's language. */
export function countryOptions(locale: Locale): { first: CountryOption[]; eu: CountryOption[]; other: CountryOption[] } {
  const named = (codes: readonly string[]) => codes.map((code) => ({ code, name: countryName(locale, code) }));
  const sorted = (options: CountryOption[]) => options.sort((a, b) => a.name.localeCompare(b.name, intlTag[locale]));
  const first = new Set<string>(FIRST_COUNTRIES);
  return {
    first: named(FIRST_COUNTRIES),
    eu: sorted(named(EU_COUNTRIES.filter((c) => !first.has(c)))),
    other: sorted(named(OTHER_COUNTRIES)),
  };
}
