import { euVatRates } from "../domain/eu-vat-rates";
import { money } from "../domain/money";
import type { VatCodeChoice } from "@/connectors/setup-types";

export type GridRow = { region: string; label: string; rate: string; vatCode?: string; revenueAccount?: string };

/**
 * The wizard's VAT grid: every EU country with its standard and reduced rates, then ICP and
 * International at 0%. Saved rows win; for the shop's own country a VAT code with the same rate
 * is suggested, and ICP / export codes for their rows.
 */
export function vatGridRows(saved: { region: string; rate: string; vatCode: string; revenueAccount: string | null }[], vatCodes: VatCodeChoice[], shopCountry = "NL"): GridRow[] {
  const suggest = (region: string, rate: string) => {
    // ICP supplies of goods and exports are both 0% with their own code in most systems.
    if (region === "ICP" || region === "INTL") return vatCodes.find((c) => c.scope === "zero")?.id;
    if (region !== shopCountry) return undefined;
    return vatCodes.find((c) => c.scope === "domestic" && c.rate !== undefined && money(c.rate).eq(money(rate)))?.id;
  };
  const base: GridRow[] = [
    ...euVatRates.flatMap((c) => [c.standard, ...c.reduced].map((rate) => ({ region: c.country, label: c.name, rate }))),
    { region: "ICP", label: "Intra-community (ICP)", rate: "0" },
    { region: "INTL", label: "International (outside the EU)", rate: "0" },
  ];
  if (saved.length > 0) {
    // Saved grid: exactly what the merchant configured, plus the remaining defaults unconfigured.
    const key = (r: { region: string; rate: string }) => `${r.region}:${money(r.rate).toFixed()}`;
    const savedRows = saved.map((s) => ({ region: s.region, label: base.find((b) => b.region === s.region)?.label ?? s.region, rate: money(s.rate).toFixed(), vatCode: s.vatCode, revenueAccount: s.revenueAccount ?? undefined }));
    const taken = new Set(savedRows.map(key));
    return [...savedRows, ...base.filter((b) => !taken.has(key(b)))];
  }
  return base.map((row) => ({ ...row, vatCode: suggest(row.region, row.rate) }));
}
