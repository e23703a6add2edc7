import type { SalesLine } from "./sales-document";

/** A sales line for tests: amounts as the shop rounded them, one unit unless told. */
export function testLine(vatRate: string, totalExcl: string, vatAmount: string, extra: Partial<SalesLine> = {}): SalesLine {
  const incl = (Number(totalExcl) * 100 + Number(vatAmount) * 100) / 100;
  return {
    kind: "product",
    description: `Item at ${vatRate}%`,
    quantity: "1",
    vatRate,
    unitPriceExcl: totalExcl,
    unitPriceIncl: incl.toFixed(2),
    discountExcl: "0",
    discountIncl: "0",
    totalExcl,
    totalIncl: incl.toFixed(2),
    vatAmount,
    ...extra,
  };
}
