import type Decimal from "decimal.js";
import { BookingError } from "./booking-error";
import { D, money } from "./money";
import type { SalesLine } from "./sales-document";

/**
 * VAT rates as shops report them are often derived from rounded amounts: 0.46 excl. with 0.04 VAT
 * reads as 8.7%, where the shop charged 9%. A derived rate snaps to a configured rate when the
 * line's cents are consistent with it within the rounding of its inputs; only when none fits is
 * it an error naming the line, the derived rate and the candidates. A stated rate the amounts
 * bear out but the grid lacks is left for the VAT grid to report as unmapped.
 */

const hundred = new D(100);
const halfCent = new D("0.005");

/** The rate the amounts imply, as a percentage; null when the line has no amount to derive from. */
export function derivedRate(totalExcl: Decimal, vatAmount: Decimal): Decimal | null {
  if (totalExcl.isZero()) return null;
  return vatAmount.div(totalExcl).times(hundred);
}

/**
 * How far the VAT amount is from `rate` × excl, and how far rounding could have moved it: each of
 * excl and VAT was rounded to cents, per unit when the shop rounds unit prices (so the error grows
 * with the quantity).
 */
function misfit(line: Pick<SalesLine, "totalExcl" | "vatAmount" | "quantity">, rate: Decimal) {
  const excl = money(line.totalExcl).abs();
  const vat = money(line.vatAmount).abs();
  const units = D.max(1, money(line.quantity).abs());
  const fraction = rate.div(hundred);
  const allowed = halfCent.times(units).times(fraction.plus(1));
  return { off: vat.minus(excl.times(fraction)).abs(), allowed };
}

/** Whether the line's VAT is `rate` × its excl. amount, within the rounding of its inputs. */
export function fitsRate(line: Pick<SalesLine, "totalExcl" | "vatAmount" | "quantity">, rate: Decimal): boolean {
  const { off, allowed } = misfit(line, rate);
  return off.lte(allowed);
}

/** The configured rate the line's amounts fit best, or null when none fits. */
export function snapRate(line: Pick<SalesLine, "totalExcl" | "vatAmount" | "quantity">, candidates: Decimal[]): Decimal | null {
  let best: { rate: Decimal; off: Decimal } | null = null;
  for (const rate of candidates) {
    const { off, allowed } = misfit(line, rate);
    if (off.gt(allowed)) continue;
    if (!best || off.lt(best.off)) best = { rate, off };
  }
  return best?.rate ?? null;
}

const isFree = (line: SalesLine) => money(line.totalExcl).isZero() && money(line.vatAmount).isZero();

/**
 * Every line's rate made one of `candidates` (the configured rates of the document's VAT region).
 * A paid line whose stated rate is configured keeps it. A free line (no amount) takes the rate
 * the paid product lines share, else `standardRate`: never a blind 21%.
 */
export function snapLineRates(lines: SalesLine[], candidates: Decimal[], standardRate: Decimal | undefined): SalesLine[] {
  const configured = (rate: Decimal) => candidates.some((c) => c.eq(rate));
  const snapped = lines.map((line) => {
    const stated = money(line.vatRate);
    if (configured(stated) || isFree(line)) return line;
    const rate = snapRate(line, candidates);
    if (rate) return { ...line, vatRate: rate.toFixed() };
    // A real rate the grid lacks (19% on 100.00 = 19.00): the VAT grid reports it by name.
    // Real rates have at most one decimal (25.5%, 5.5%); 8.33% is a quotient of rounded amounts.
    if (stated.decimalPlaces() <= 1 && snapRate(line, [stated])) return line;
    throw unknownRate(line, candidates);
  });
  // A free line's rate cannot be read from its amounts, and shops fill in a default (Magento: 21%):
  // it follows the paid product lines when they share one rate, else the country's standard rate.
  const paidRates = [...new Set(snapped.filter((l) => l.kind === "product" && !isFree(l)).map((l) => money(l.vatRate).toFixed()))];
  const freeRate = paidRates.length === 1 ? new D(paidRates[0]!) : standardRate;
  return snapped.map((line) => {
    if (!isFree(line)) return line;
    if (freeRate) return { ...line, vatRate: freeRate.toFixed() };
    if (configured(money(line.vatRate))) return line;
    throw unknownRate(line, candidates);
  });
}

function unknownRate(line: SalesLine, candidates: Decimal[]): BookingError {
  const derived = derivedRate(money(line.totalExcl), money(line.vatAmount));
  const shown = derived ? `${derived.toDecimalPlaces(2).toFixed()}%` : `${money(line.vatRate).toFixed()}%`;
  const list = candidates.length ? candidates.map((c) => `${c.toFixed()}%`).join(", ") : "none";
  return new BookingError(
    "vat_rate_unknown",
    `Line "${line.description}" charges ${line.vatAmount} VAT on ${line.totalExcl} (${shown}), which fits none of the VAT rates configured for this country (${list}). ` +
      `Check the VAT of this line in your webshop, or add the rate to the VAT grid on the Configuration tab, then click Process.`,
    { line: line.description, derivedRate: derived?.toDecimalPlaces(4).toFixed() ?? null, candidates: candidates.map((c) => c.toFixed()) },
  );
}
