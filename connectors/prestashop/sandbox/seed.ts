/**
 * Reference data of a fresh PrestaShop 8 install with an English and a Dutch language:
 * order states (install-dev/data/xml/order_state.xml, ids in install order), countries (the
 * install's first ids; the rest of the EU with later ids, inferred), Dutch taxes, currencies.
 */
export type Json = Record<string, unknown>;
export const LANGUAGES = [{ id: 1, iso: "en" }, { id: 2, iso: "nl" }];

const names = (en: string, nl: string) => ({ "1": en, "2": nl });

type StateSeed = [en: string, nl: string, flags: Partial<Record<"invoice" | "logable" | "delivery" | "shipped" | "paid" | "pdf_invoice", 1>>, module?: string];
const STATES: StateSeed[] = [
  ["Awaiting check payment", "In afwachting van betaling per cheque", {}, "ps_checkpayment"],
  ["Payment accepted", "Betaling aanvaard", { invoice: 1, logable: 1, paid: 1, pdf_invoice: 1 }],
  ["Processing in progress", "Bezig met verwerken", { invoice: 1, logable: 1, delivery: 1, paid: 1 }],
  ["Shipped", "Verzonden", { invoice: 1, logable: 1, delivery: 1, shipped: 1, paid: 1 }],
  ["Delivered", "Afgeleverd", { invoice: 1, logable: 1, delivery: 1, shipped: 1, paid: 1 }],
  ["Canceled", "Geannuleerd", {}],
  ["Refunded", "Terugbetaald", { invoice: 1 }],
  ["Payment error", "Betalingsfout", {}],
  ["On backorder (paid)", "In backorder (betaald)", { invoice: 1, paid: 1 }],
  ["Awaiting bank wire payment", "In afwachting van bankoverschrijving", {}, "ps_wirepayment"],
  ["Remote payment accepted", "Betaling op afstand aanvaard", { invoice: 1, logable: 1, paid: 1 }],
  ["On backorder (not paid)", "In backorder (niet betaald)", {}],
  ["Awaiting Cash On Delivery validation", "In afwachting van rembours", {}, "ps_cashondelivery"],
];

export function seedOrderStates(): Json[] {
  return STATES.map(([en, nl, f, module], i) => ({
    id: i + 1,
    unremovable: 1, delivery: f.delivery ?? 0, hidden: 0, send_email: 1, module_name: module ?? "", invoice: f.invoice ?? 0,
    color: f.paid ? "#3498D8" : "#34209E", logable: f.logable ?? 0, shipped: f.shipped ?? 0, paid: f.paid ?? 0,
    pdf_delivery: 0, pdf_invoice: f.pdf_invoice ?? 0, deleted: 0, name: names(en, nl), template: names("", ""),
  }));
}

const COUNTRIES: [number, string, string][] = [
  [1, "DE", "Germany"], [2, "AT", "Austria"], [3, "BE", "Belgium"], [4, "CA", "Canada"], [5, "CN", "China"], [6, "ES", "Spain"],
  [7, "FI", "Finland"], [8, "FR", "France"], [9, "GR", "Greece"], [10, "IT", "Italy"], [11, "JP", "Japan"], [12, "LU", "Luxembourg"],
  [13, "NL", "Netherlands"], [14, "PL", "Poland"], [15, "PT", "Portugal"], [16, "CZ", "Czech Republic"], [17, "GB", "United Kingdom"],
  [18, "SE", "Sweden"], [19, "CH", "Switzerland"], [20, "DK", "Denmark"], [21, "US", "United States"], [23, "NO", "Norway"],
  [26, "IE", "Ireland"], [36, "RO", "Romania"], [37, "SK", "Slovakia"], [76, "CY", "Cyprus"], [74, "HR", "Croatia"], [86, "EE", "Estonia"],
  [125, "LV", "Latvia"], [131, "LT", "Lithuania"], [139, "MT", "Malta"], [143, "HU", "Hungary"], [191, "SI", "Slovenia"], [236, "BG", "Bulgaria"],
];

export function seedCountries(): Json[] {
  return COUNTRIES.map(([id, iso, name]) => ({
    id, id_zone: 1, id_currency: 0, call_prefix: 0, iso_code: iso, active: 1, contains_states: 0, need_identification_number: 0,
    need_zip_code: 1, zip_code_format: "", display_tax_label: 1, name: names(name, name),
  }));
}

export const countryIdOf = (iso: string) => COUNTRIES.find((c) => c[1] === iso.toUpperCase())?.[0];

export function seedTaxes(): Json[] {
  return [
    { id: 1, rate: "21.000", active: 1, deleted: 0, name: names("BTW NL 21%", "BTW NL 21%") },
    { id: 2, rate: "9.000", active: 1, deleted: 0, name: names("BTW NL 9%", "BTW NL 9%") },
    { id: 3, rate: "0.000", active: 1, deleted: 0, name: names("BTW 0%", "BTW 0%") },
  ];
}

export function seedCurrencies(): Json[] {
  return [
    { id: 1, names: names("Euro", "Euro"), name: "Euro", symbol: "€", iso_code: "EUR", numeric_iso_code: "978", precision: 2, conversion_rate: "1.000000", deleted: 0, active: 1 },
    { id: 2, names: names("US Dollar", "Amerikaanse dollar"), name: "US Dollar", symbol: "$", iso_code: "USD", numeric_iso_code: "840", precision: 2, conversion_rate: "1.080000", deleted: 0, active: 1 },
  ];
}
