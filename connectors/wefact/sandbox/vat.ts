import type Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import type { TaxCodeJson } from "./seed";

/** A tax code's percentage: its Rate is a fraction ("0.21" → 21). */
export const percentageOf = (code: TaxCodeJson): Decimal => new D(code.Rate).times(100);
