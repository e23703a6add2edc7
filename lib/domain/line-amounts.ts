import { formatScaled, pow10, roundRatio, safe, terminates, type Scaled } from "./money";
import type { SalesLine } from "./sales-document";

/**
 * The amounts of a line priced per unit at a VAT rate, in exact scaled integers: what
 * `salesLine()` makes of a source's Decimal arithmetic, without a Decimal per step. The unit
 * price splits as the shops' manuals do: excl = incl prices ? x / (1 + r) : x, incl = incl prices ?
 * x : x × (1 + r), and with `zeroVat` (ICP, export) incl = excl. The discount is the list price
 * minus the paid price, per unit, times the quantity.
 *
 * Each result is the exact value rounded once (half-up: cents for totals and discounts, six
 * decimals for unit prices). The Decimal path rounds its quotients to 24 digits first; that lands
 * on the same cent whenever the exact value is not exactly half-way, because an exact value of
 * denominator D lies at least 1/(2·10^dp·D) from any half-way point, far beyond 24 digits for the
 * safe-integer sizes allowed here. Exactly half-way after a division that does not terminate, or
 * too large, the answer is undefined and the caller uses the Decimal path (line-amounts.test.ts holds both paths equal).
 */
export type LineAmounts = Pick<SalesLine, "unitPriceExcl" | "unitPriceIncl" | "discountExcl" | "discountIncl" | "totalExcl" | "totalIncl" | "vatAmount">;

export function lineAmounts(input: {
  /** The price per unit paid (after discount). */
  price: Scaled;
  /** The price per unit before discount (the unit price booked); at least `price`. */
  listPrice: Scaled;
  /** Signed: negative on a credit. */
  quantity: Scaled;
  /** The percentage the prices are split by. */
  rate: Scaled;
  incl: boolean;
  zeroVat: boolean;
}): LineAmounts | undefined {
  const { price, listPrice, quantity, rate } = input;
  const k = Math.max(price.dp, listPrice.dp);
  const scale = pow10(k);
  const paid = safe(price.n * pow10(k - price.dp));
  const list = safe(listPrice.n * pow10(k - listPrice.dp));
  // 1 + rate/100 = fn / fd
  const fd = safe(100 * pow10(rate.dp));
  const fn = safe(fd + rate.n);
  if (!(fn > 0)) return undefined;
  // A unit amount x (in 10^-k) is x·exclTimes / exclOver excl. VAT and x·inclTimes / inclOver incl. VAT.
  const exclTimes = input.incl ? fd : 1;
  const exclOver = input.incl ? safe(scale * fn) : scale;
  const inclTimes = input.zeroVat ? exclTimes : input.incl ? 1 : fn;
  const inclOver = input.zeroVat ? exclOver : input.incl ? scale : safe(scale * fd);
  const shape: Shape = { list, paid, exclTimes, exclOver, inclTimes, inclOver, zeroVat: input.zeroVat, q: quantity.n, perQuantity: pow10(quantity.dp) };
  // Where the Decimal path divides by 1 + r only when the quotient terminates (or not at all: prices
  // excl. VAT, the incl. side of incl. prices), it holds every value exactly (safe integers are 16
  // digits, within its 24), so an exact half rounds up there as here. Halves are rare: whether a
  // quotient terminates is asked only when one turns up.
  const exact = !input.incl;
  const rounded = roundAll(shape, exact, exact) ?? (exact ? undefined : roundAll(shape, terminates(list * fd, exclOver), terminates(paid * fd, exclOver)));
  if (!rounded) return undefined;
  const { unitExcl, unitIncl, totalExcl, totalIncl, discountExcl, discountIncl } = rounded;
  return {
    unitPriceExcl: formatScaled(unitExcl, 6),
    unitPriceIncl: formatScaled(unitIncl, 6),
    discountExcl: formatScaled(discountExcl, 2),
    discountIncl: formatScaled(discountIncl, 2),
    totalExcl: formatScaled(totalExcl, 2),
    totalIncl: formatScaled(totalIncl, 2),
    vatAmount: formatScaled(totalIncl - totalExcl, 2),
  };
}

type Shape = { list: number; paid: number; exclTimes: number; exclOver: number; inclTimes: number; inclOver: number; zeroVat: boolean; q: number; perQuantity: number };

/** The six rounded amounts; a half after a division whose quotient does not terminate (`listExact`/`paidExact` false) gives undefined. */
function roundAll(s: Shape, listExact: boolean, paidExact: boolean) {
  const { list, paid, exclTimes, exclOver, inclTimes, inclOver, q, perQuantity } = s;
  const off = safe(list - paid);
  const z = s.zeroVat;
  const unitExcl = roundRatio(safe(list * exclTimes), exclOver, 6, listExact);
  const unitIncl = roundRatio(safe(list * inclTimes), inclOver, 6, z ? listExact : true);
  const totalExcl = roundRatio(safe(safe(paid * exclTimes) * q), safe(exclOver * perQuantity), 2, paidExact);
  const totalIncl = roundRatio(safe(safe(paid * inclTimes) * q), safe(inclOver * perQuantity), 2, z ? paidExact : true);
  const discountExcl = roundRatio(safe(safe(off * exclTimes) * q), safe(exclOver * perQuantity), 2, listExact && paidExact);
  const discountIncl = roundRatio(safe(safe(off * inclTimes) * q), safe(inclOver * perQuantity), 2, z ? listExact && paidExact : true);
  if (unitExcl === undefined || unitIncl === undefined || totalExcl === undefined || totalIncl === undefined || discountExcl === undefined || discountIncl === undefined) return undefined;
  return { unitExcl, unitIncl, totalExcl, totalIncl, discountExcl, discountIncl };
}
