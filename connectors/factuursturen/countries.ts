/**
 * The manual: "If the string length of [country] is equal to 2 or 3, then country = [countryname].
 * If no country is provided, the default is the Netherlands." Our documents carry ISO 3166-1
 * alpha-2 codes; Factuursturen takes a country name and finds its own id for it.
 */
export const DEFAULT_COUNTRY = "Netherlands";

const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

export function countryName(code: string | undefined): string {
  const iso = code?.trim().toUpperCase();
  if (!iso) return DEFAULT_COUNTRY;
  if (!/^[A-Z]{2}$/.test(iso)) return code!.trim();
  try {
    return names.of(iso) ?? iso;
  } catch {
    return iso;
  }
}
