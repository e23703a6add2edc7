/**
 * What a fresh Factuursturen account has: its invoice layouts ("profiles"), the Dutch VAT rates
 * and the country list. Ids are fixed so tests and the demo can name them.
 */

export type ProfileJson = { id: string; name: string; default: "true" | "false" };
export type TaxJson = { percentage: string; default: "true" | "false" };

export const sandboxProfileIds = { standard: "1", webshop: "2" } as const;

export const seedProfiles = (): ProfileJson[] => [
  { id: sandboxProfileIds.standard, name: "Standaard", default: "true" },
  { id: sandboxProfileIds.webshop, name: "Webwinkel met logo", default: "false" },
];

export const seedTaxes = (): TaxJson[] => [
  { percentage: "21", default: "true" },
  { percentage: "9", default: "false" },
  { percentage: "0", default: "false" },
];

/**
 * Country ids as /countrylist gives them. 146 = the Netherlands (seen in real responses); the
 * other ids are the sandbox's own.
 */
const COUNTRY_IDS: [string, number][] = [
  ["AT", 14], ["AU", 13], ["BE", 21], ["BG", 34], ["CA", 38], ["CH", 206], ["CN", 44], ["CY", 55],
  ["CZ", 56], ["DE", 80], ["DK", 57], ["EE", 67], ["ES", 199], ["FI", 72], ["FR", 73], ["GB", 225],
  ["GR", 84], ["HR", 53], ["HU", 97], ["IE", 103], ["IS", 98], ["IT", 105], ["JP", 107], ["LI", 122],
  ["LT", 123], ["LU", 124], ["LV", 117], ["MA", 144], ["MT", 132], ["NL", 146], ["NO", 160], ["NZ", 153],
  ["PL", 171], ["PT", 172], ["RO", 176], ["SE", 205], ["SI", 193], ["SK", 192], ["TR", 215], ["US", 226], ["ZA", 196],
];

export type Country = { id: string; code: string; names: { nl: string; en: string } };

const display = (lang: "nl" | "en") => new Intl.DisplayNames([lang], { type: "region", fallback: "code" });

export const countries: Country[] = (() => {
  const nl = display("nl");
  const en = display("en");
  return COUNTRY_IDS.map(([code, id]) => ({ id: String(id), code, names: { nl: nl.of(code) ?? code, en: en.of(code) ?? code } }));
})();

/** What the API does with a country: an id, or a name in Dutch or English ("we'll try to find the id"). */
export function findCountry(value: string): Country | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  return countries.find((c) => c.id === wanted || c.names.nl.toLowerCase() === wanted || c.names.en.toLowerCase() === wanted);
}

export const DUTCH_COUNTRY_ID = "146";
