import { ConnectorError } from "../types";

/**
 * KMO's [country] is an ISO code of 2 or 3 letters or a country name, with the name in
 * [countryname] (the manual: "If the string length of [country] is equal to 2 or 3, then
 * country = [countryname]"). The domain wants ISO 3166-1 alpha-2: EU members and the countries a
 * Belgian or Dutch webshop commonly ships to, by alpha-3 code and by their Dutch, French, English
 * and German names.
 */
const COUNTRIES: [alpha2: string, alpha3: string, ...names: string[]][] = [
  ["AT", "AUT", "Oostenrijk", "Autriche", "Austria", "Österreich"],
  ["BE", "BEL", "België", "Belgie", "Belgique", "Belgium", "Belgien"],
  ["BG", "BGR", "Bulgarije", "Bulgarie", "Bulgaria", "Bulgarien"],
  ["CY", "CYP", "Cyprus", "Chypre", "Zypern"],
  ["CZ", "CZE", "Tsjechië", "Tsjechie", "Tchéquie", "République tchèque", "Czechia", "Czech Republic", "Tschechien"],
  ["DE", "DEU", "Duitsland", "Allemagne", "Germany", "Deutschland"],
  ["DK", "DNK", "Denemarken", "Danemark", "Denmark", "Dänemark"],
  ["EE", "EST", "Estland", "Estonie", "Estonia"],
  ["ES", "ESP", "Spanje", "Espagne", "Spain", "Spanien", "España"],
  ["FI", "FIN", "Finland", "Finlande", "Finnland"],
  ["FR", "FRA", "Frankrijk", "France", "Frankreich"],
  ["GR", "GRC", "Griekenland", "Grèce", "Greece", "Griechenland"],
  ["HR", "HRV", "Kroatië", "Kroatie", "Croatie", "Croatia", "Kroatien"],
  ["HU", "HUN", "Hongarije", "Hongrie", "Hungary", "Ungarn"],
  ["IE", "IRL", "Ierland", "Irlande", "Ireland", "Irland"],
  ["IT", "ITA", "Italië", "Italie", "Italy", "Italien", "Italia"],
  ["LT", "LTU", "Litouwen", "Lituanie", "Lithuania", "Litauen"],
  ["LU", "LUX", "Luxemburg", "Luxembourg"],
  ["LV", "LVA", "Letland", "Lettonie", "Latvia", "Lettland"],
  ["MT", "MLT", "Malta", "Malte"],
  ["NL", "NLD", "Nederland", "Pays-Bas", "Netherlands", "The Netherlands", "Niederlande", "Holland"],
  ["PL", "POL", "Polen", "Pologne", "Poland"],
  ["PT", "PRT", "Portugal"],
  ["RO", "ROU", "Roemenië", "Roemenie", "Roumanie", "Romania", "Rumänien"],
  ["SE", "SWE", "Zweden", "Suède", "Sweden", "Schweden"],
  ["SI", "SVN", "Slovenië", "Slovenie", "Slovénie", "Slovenia", "Slowenien"],
  ["SK", "SVK", "Slowakije", "Slovaquie", "Slovakia", "Slowakei"],
  ["CH", "CHE", "Zwitserland", "Suisse", "Switzerland", "Schweiz"],
  ["NO", "NOR", "Noorwegen", "Norvège", "Norway", "Norwegen"],
  ["IS", "ISL", "IJsland", "Islande", "Iceland", "Island"],
  ["LI", "LIE", "Liechtenstein"],
  ["MC", "MCO", "Monaco"],
  ["GB", "GBR", "Verenigd Koninkrijk", "Royaume-Uni", "United Kingdom", "Großbritannien", "UK", "Groot-Brittannië"],
  ["US", "USA", "Verenigde Staten", "États-Unis", "United States", "Vereinigte Staaten"],
  ["CA", "CAN", "Canada", "Kanada"],
  ["AU", "AUS", "Australië", "Australie", "Australia", "Australien"],
  ["TR", "TUR", "Turkije", "Turquie", "Turkey", "Türkei"],
];

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]/g, "");
const byAlpha3 = new Map(COUNTRIES.map(([a2, a3]) => [a3, a2]));
const byName = new Map(COUNTRIES.flatMap(([a2, , ...names]) => names.map((n) => [fold(n), a2] as const)));

/** One [country]/[countryname] value as alpha-2, or undefined when it is not recognised. */
export function countryCodeOf(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase() === "UK" ? "GB" : text.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(text) && byAlpha3.has(text.toUpperCase())) return byAlpha3.get(text.toUpperCase());
  return byName.get(fold(text));
}

/**
 * The address's country: [country] as code or name, else [countryname]; no country at all → the
 * fallback (the shop's country). A country given but not recognised is an error, since the VAT
 * region depends on it.
 */
export function resolveCountry(address: { country?: string | null; countryname?: string | null } | null | undefined, fallback: string, where: string): string {
  const given = [address?.country, address?.countryname].map((v) => v?.trim()).filter((v): v is string => !!v);
  if (given.length === 0) return fallback;
  for (const value of given) {
    const code = countryCodeOf(value);
    if (code) return code;
  }
  throw new ConnectorError("invalid_payload", `The country of the ${where} (${given.map((g) => JSON.stringify(g)).join(" / ")}) is not a country the integration recognises. Use an ISO country code in KMO Shops.`, false);
}
