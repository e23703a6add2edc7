import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScaled } from "@/lib/domain/money";
import { decimalProductLine, exactProductLine, type LineContext, type RowPriceFields } from "./map-lines";
import type { CcvRow } from "./schemas";

/** Amounts as CCV sends them (JSON numbers) or as strings some shops send. */
const amount = (maxUnits: number, maxDp: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: maxDp }), fc.boolean()).map(([n, dp, asText]) => (asText ? formatScaled(n, dp) : n / 10 ** dp));

const row = fc.record({
  product_name: fc.constantFrom("Mok", " ", null),
  product_number: fc.constantFrom("SKU-1", 12, null),
  count: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 }).map(String)),
  tax: fc.constantFrom<number | string | null>(21, 9, 0, 0.21, 0.09, "21", "21,0", 25.5, 20, 6, null),
  selling_price: amount(100_000, 4),
  price_without_discount: fc.oneof(fc.constant(null), amount(100_000, 4)),
});
const context = fc.record({ incl: fc.boolean(), zeroVat: fc.boolean(), sign: fc.constantFrom<1 | -1>(1, -1) });
const ORDER_ROWS: RowPriceFields = { price: "selling_price", beforeDiscount: "price_without_discount" };

describe("CCV product lines: the exact path and the Decimal path", () => {
  it("give the same SalesLine, key for key, whenever the exact path answers; and it answers nearly always", () => {
    let answered = 0;
    fc.assert(
      fc.property(row, context, (r, ctx: LineContext) => {
        const exact = exactProductLine(r as CcvRow, ORDER_ROWS, ctx);
        if (!exact) return;
        answered += 1;
        const decimal = decimalProductLine(r as CcvRow, ORDER_ROWS, ctx, 0);
        expect(exact).toEqual(decimal);
        expect(Object.keys(exact)).toEqual(Object.keys(decimal));
      }),
      { numRuns: 20_000, seed: 20261122 },
    );
    expect(answered).toBeGreaterThan(18_000);
  });
});
