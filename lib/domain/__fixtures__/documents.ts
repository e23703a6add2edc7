import type { SalesDocument, SalesLine } from "../sales-document";

/** A small valid domestic order (NL, 21% and 9%) to derive test cases from. */
export function domesticOrder(overrides: Partial<SalesDocument> = {}): SalesDocument {
  const lines: SalesLine[] = [
    { kind: "product", code: "TSHIRT", description: "T-shirt", quantity: "2", vatRate: "21", unitPriceExcl: "10", unitPriceIncl: "12.1",
      discountExcl: "0", discountIncl: "0", totalExcl: "20.00", totalIncl: "24.20", vatAmount: "4.20" },
    { kind: "product", code: "BOOK", description: "Book", quantity: "1", vatRate: "9", unitPriceExcl: "10", unitPriceIncl: "10.9",
      discountExcl: "0", discountIncl: "0", totalExcl: "10.00", totalIncl: "10.90", vatAmount: "0.90" },
    { kind: "shipping", description: "Shipping costs", quantity: "1", vatRate: "21", unitPriceExcl: "5", unitPriceIncl: "6.05",
      discountExcl: "0", discountIncl: "0", totalExcl: "5.00", totalIncl: "6.05", vatAmount: "1.05" },
  ];
  return {
    kind: "order",
    source: { system: "ccvshop", id: "1001", number: "ORD-1001" },
    date: "2026-11-20",
    currency: "EUR",
    shopCountry: "NL",
    deliveryCountry: "NL",
    pricesIncludeVat: true,
    icp: false,
    international: false,
    marginScheme: false,
    customer: { email: "jan@example.nl", billing: { firstName: "Jan", lastName: "Jansen", country: "NL" } },
    paymentMethod: { raw: "iDEAL", classification: "ideal" },
    lines,
    totals: { excl: "35.00", incl: "41.15", vat: "6.15" },
    creditFactor: 1,
    ...overrides,
  };
}
