import type Decimal from "decimal.js";
import { money } from "@/lib/domain/money";
import type { TaxCode } from "./schemas";

/** A WeFact VAT code's percentage: its Rate is a fraction ("0.21" → 21); some answers give the percentage itself. */
export function percentageOf(code: TaxCode): Decimal {
  const rate = money(code.Rate ?? "0", `rate of VAT code ${code.TaxCode}`);
  return rate.gt(1) ? rate : rate.times(100);
}
