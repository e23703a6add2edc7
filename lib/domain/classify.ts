import { isEuCountry } from "./eu-vat-rates";
import type { SalesDocument } from "./sales-document";

/**
 * Where a sale's VAT is due, decided once for every source:
 * - "icp": intra-community B2B supply, 0% with the customer's EU VAT number (never for a merchant
 *   on the margin scheme, who charges VAT on the margin whoever buys);
 * - "export": delivered outside the EU, 0% expected;
 * - "eu-consumer": delivered to a consumer in another member state, at that country's rates (OSS);
 * - "domestic": the shop's own country.
 * `region` is the VAT grid row the lines are booked by: an ISO country, "ICP" or "INTL".
 */
export type VatClass = "domestic" | "eu-consumer" | "icp" | "export";

export function classify(doc: Pick<SalesDocument, "icp" | "international" | "marginScheme" | "deliveryCountry" | "shopCountry" | "customer">): { vatClass: VatClass; region: string } {
  const destination = doc.deliveryCountry ?? doc.customer.billing.country ?? doc.shopCountry;
  if (doc.icp && !doc.marginScheme) return { vatClass: "icp", region: "ICP" };
  if (doc.international || !isEuCountry(destination)) return { vatClass: "export", region: "INTL" };
  if (destination !== doc.shopCountry) return { vatClass: "eu-consumer", region: destination };
  return { vatClass: "domestic", region: destination };
}
