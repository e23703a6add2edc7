import { createHash } from "node:crypto";
import { euVatRates } from "@/lib/domain/eu-vat-rates";
import { D } from "@/lib/domain/money";

/**
 * The reference data every sandbox tenant gets: what a fresh Dutch WeFact administration has
 * (sale VAT codes V21, V9, V0 and its default corporate identity), plus what a merchant selling
 * abroad adds: the EU rates for consumer sales under OSS (so the demo's VAT grid can map every EU
 * rate) and an English corporate identity. Code names beyond V21 follow its pattern [I].
 */

export type TaxCodeJson = { TaxCode: string; Name: string; Rate: string; IsDefault: "yes" | "no" };
export type CorporateIdentityJson = { LanguageCode: string; Name: string; Default: "yes" | "no" };

/** The tenant's API key: fixed per tenant (32 hex characters, like WeFact's), so demos and tests know it. */
export const sandboxApiKey = (tenant: string) => createHash("sha256").update(`wefact-sandbox:${tenant}`).digest("hex").slice(0, 32);

/** "V21", "V9", "V5.5": the sale VAT code of a percentage. */
export const taxCodeFor = (percentage: string) => `V${percentage}`;

/** WeFact gives rates as fractions: "0.21", "0.055". */
const fraction = (percentage: string) => {
  const value = new D(percentage).div(100);
  return value.toFixed(Math.max(2, value.decimalPlaces()));
};

export function seedTaxCodes(): TaxCodeJson[] {
  const dutch: TaxCodeJson[] = [
    { TaxCode: "V21", Name: "21% btw", Rate: "0.21", IsDefault: "yes" },
    { TaxCode: "V9", Name: "9% btw", Rate: "0.09", IsDefault: "no" },
    { TaxCode: "V0", Name: "0% btw", Rate: "0.00", IsDefault: "no" },
  ];
  const oss = [...new Set(euVatRates.flatMap((c) => [c.standard, ...c.reduced]))]
    .filter((rate) => !dutch.some((d) => d.TaxCode === taxCodeFor(rate)))
    .sort((a, b) => new D(b).comparedTo(a))
    .map((rate): TaxCodeJson => ({ TaxCode: taxCodeFor(rate), Name: `${rate}% btw (OSS)`, Rate: fraction(rate), IsDefault: "no" }));
  return [...dutch, ...oss];
}

export function seedCorporateIdentities(): CorporateIdentityJson[] {
  return [
    { LanguageCode: "nl_nl", Name: "Standaard huisstijl", Default: "yes" },
    { LanguageCode: "en_gb", Name: "English invoices", Default: "no" },
  ];
}
