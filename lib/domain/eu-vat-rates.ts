/**
 * Standard and reduced VAT rates of the 27 EU member states as they apply in 2026 (percent, as
 * decimal strings). Pre-fills the VAT grid; the merchant's edited rates always win.
 * Super-reduced and parking rates are included where a webshop can plausibly charge them.
 */
export type CountryVat = { country: string; name: string; standard: string; reduced: string[] };

export const euVatRates: CountryVat[] = [
  { country: "AT", name: "Austria", standard: "20", reduced: ["10", "13"] },
  { country: "BE", name: "Belgium", standard: "21", reduced: ["6", "12"] },
  { country: "BG", name: "Bulgaria", standard: "20", reduced: ["9"] },
  { country: "CY", name: "Cyprus", standard: "19", reduced: ["5", "9"] },
  { country: "CZ", name: "Czechia", standard: "21", reduced: ["12"] },
  { country: "DE", name: "Germany", standard: "19", reduced: ["7"] },
  { country: "DK", name: "Denmark", standard: "25", reduced: [] },
  { country: "EE", name: "Estonia", standard: "24", reduced: ["9", "13"] },
  { country: "ES", name: "Spain", standard: "21", reduced: ["10", "4"] },
  { country: "FI", name: "Finland", standard: "25.5", reduced: ["13.5", "10"] },
  { country: "FR", name: "France", standard: "20", reduced: ["10", "5.5", "2.1"] },
  { country: "GR", name: "Greece", standard: "24", reduced: ["13", "6"] },
  { country: "HR", name: "Croatia", standard: "25", reduced: ["13", "5"] },
  { country: "HU", name: "Hungary", standard: "27", reduced: ["18", "5"] },
  { country: "IE", name: "Ireland", standard: "23", reduced: ["13.5", "9", "4.8"] },
  { country: "IT", name: "Italy", standard: "22", reduced: ["10", "5", "4"] },
  { country: "LT", name: "Lithuania", standard: "21", reduced: ["9", "5"] },
  { country: "LU", name: "Luxembourg", standard: "17", reduced: ["14", "8", "3"] },
  { country: "LV", name: "Latvia", standard: "21", reduced: ["12", "5"] },
  { country: "MT", name: "Malta", standard: "18", reduced: ["7", "5"] },
  { country: "NL", name: "Netherlands", standard: "21", reduced: ["9"] },
  { country: "PL", name: "Poland", standard: "23", reduced: ["8", "5"] },
  { country: "PT", name: "Portugal", standard: "23", reduced: ["13", "6"] },
  { country: "RO", name: "Romania", standard: "21", reduced: ["11"] },
  { country: "SE", name: "Sweden", standard: "25", reduced: ["12", "6"] },
  { country: "SI", name: "Slovenia", standard: "22", reduced: ["9.5", "5"] },
  { country: "SK", name: "Slovakia", standard: "23", reduced: ["19", "5"] },
];

export const euCountries = new Set(euVatRates.map((c) => c.country));
export const isEuCountry = (country: string | undefined) => !!country && euCountries.has(country.toUpperCase());
export const vatRatesOf = (country: string) => euVatRates.find((c) => c.country === country.toUpperCase());
