import fc from "fast-check";
import type Decimal from "decimal.js";
import { allocateDiscount } from "../discounts";
import { cents, D, sum } from "../money";
import type { RateTotals } from "../rounding";
import type { SalesDocument, SalesLine } from "../sales-document";

/**
 * A simulated webshop for property tests: it prices lines the way real shops do (2-decimal unit
 * prices incl. or excl. VAT, VAT rounded per line or once per rate), adds shipping and an
 * order-level discount, and reports the document with the totals it would charge. `truth` is what
 * the customer was charged per VAT rate: what every booking must reproduce to the cent.
 */
export type ShopSpec = {
  lines: { kind: "product" | "shipping"; rate: string; quantity: number; unitCents: number }[];
  pricesIncludeVat: boolean;
  vatRounding: "line" | "rate";
  discount: { cents: number; includesVat: boolean };
  credit: boolean;
  /** Lines whose rate the shop states as VAT / excl. rounded to 2 decimals (Magento's default). */
  derivedRates: boolean;
  /** The shop reports its VAT per rate (only meaningful when it rounds per rate). */
  reportsVatPerRate: boolean;
};

export const shopSpec = (rates: string[] = ["0", "9", "21"]): fc.Arbitrary<ShopSpec> =>
  fc.record({
    lines: fc.array(
      fc.record({
        kind: fc.constantFrom("product" as const, "product" as const, "shipping" as const),
        rate: fc.constantFrom(...rates),
        quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 })),
        unitCents: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50_000 })),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    pricesIncludeVat: fc.boolean(),
    vatRounding: fc.constantFrom("line" as const, "rate" as const),
    discount: fc.record({ cents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000 })), includesVat: fc.boolean() }),
    credit: fc.boolean(),
    derivedRates: fc.boolean(),
    reportsVatPerRate: fc.boolean(),
  });

const fraction = (rate: string) => new D(rate).div(100);

function pricedLine(kind: SalesLine["kind"], rate: string, quantity: number, unit: Decimal, incl: boolean): SalesLine {
  const amount = unit.times(quantity);
  const f = fraction(rate);
  const excl = incl ? cents(amount.div(f.plus(1))) : amount;
  const gross = incl ? amount : excl.plus(cents(excl.times(f)));
  return {
    kind, code: kind === "product" ? `SKU-${rate}-${unit.toFixed(2)}` : undefined, description: kind === "product" ? `Item ${unit.toFixed(2)} at ${rate}%` : "Shipping",
    quantity: String(quantity), vatRate: rate, unitPriceExcl: excl.div(quantity).toDecimalPlaces(6).toFixed(), unitPriceIncl: gross.div(quantity).toDecimalPlaces(6).toFixed(),
    discountExcl: "0", discountIncl: "0", totalExcl: excl.toFixed(2), totalIncl: gross.toFixed(2), vatAmount: gross.minus(excl).toFixed(2),
  };
}

const negate = (line: SalesLine): SalesLine => {
  const neg = (v: string) => new D(v).neg().toFixed(v.includes(".") ? Math.max(2, v.split(".")[1]!.length) : 0);
  return { ...line, quantity: neg(line.quantity), totalExcl: neg(line.totalExcl), totalIncl: neg(line.totalIncl), vatAmount: neg(line.vatAmount) };
};

/** The document the shop reports and what it charged per rate. */
export function shopDocument(spec: ShopSpec): { document: SalesDocument; truth: RateTotals[] } {
  let lines = spec.lines.map((l) => pricedLine(l.kind, l.rate, l.quantity, new D(l.unitCents).div(100), spec.pricesIncludeVat));
  const productsIncl = sum(lines.filter((l) => l.kind === "product").map((l) => new D(l.totalIncl)));
  const discount = D.min(new D(spec.discount.cents).div(100), cents(productsIncl.div(2)));
  lines = [...lines, ...allocateDiscount(lines, { amount: discount, includesVat: spec.discount.includesVat, description: "Coupon" })];

  // What the shop charges per rate: its lines, or VAT rounded once on each rate's total.
  const truth = [...new Set(lines.map((l) => l.vatRate))].map((rate): RateTotals => {
    const group = lines.filter((l) => l.vatRate === rate);
    const excl = sum(group.map((l) => new D(l.totalExcl)));
    const incl = sum(group.map((l) => new D(l.totalIncl)));
    if (spec.vatRounding === "line") return { rate: new D(rate).toFixed(), excl, vat: incl.minus(excl), incl };
    const f = fraction(rate);
    if (spec.pricesIncludeVat) {
      const vat = cents(incl.times(f).div(f.plus(1)));
      return { rate: new D(rate).toFixed(), excl: incl.minus(vat), vat, incl };
    }
    const vat = cents(excl.times(f));
    return { rate: new D(rate).toFixed(), excl, vat, incl: excl.plus(vat) };
  });

  if (spec.derivedRates) {
    lines = lines.map((l) => (new D(l.totalExcl).isZero() ? { ...l, vatRate: "0" } : { ...l, vatRate: new D(l.vatAmount).div(l.totalExcl).times(100).toDecimalPlaces(2).toFixed() }));
  }
  const sign = spec.credit ? -1 : 1;
  const signed = spec.credit ? lines.map(negate) : lines;
  const signedTruth = truth.map((t) => ({ ...t, excl: t.excl.times(sign), vat: t.vat.times(sign), incl: t.incl.times(sign) }));
  const total = (k: "excl" | "vat" | "incl") => sum(signedTruth.map((t) => t[k])).toFixed(2);

  const document: SalesDocument = {
    kind: spec.credit ? "creditnote" : "order",
    source: { system: "generated", id: "1", number: "1001" },
    date: "2026-11-21",
    currency: "EUR",
    shopCountry: "NL",
    deliveryCountry: "NL",
    pricesIncludeVat: spec.pricesIncludeVat,
    icp: false,
    international: false,
    marginScheme: false,
    customer: { email: "buyer@example.nl", billing: { country: "NL" } },
    paymentMethod: { classification: "ideal" },
    lines: signed,
    totals: {
      excl: total("excl"), vat: total("vat"), incl: total("incl"),
      ...(spec.reportsVatPerRate ? { vatPerRate: signedTruth.map((t) => ({ rate: t.rate, vat: t.vat.toFixed(2) })) } : {}),
    },
    creditFactor: spec.credit ? -1 : 1,
  };
  return { document, truth: signedTruth };
}
