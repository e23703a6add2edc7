import type { SalesLine } from "../domain/sales-document";

/** The products the integration creates for cost lines (the manuals' Shipping costs, Payment costs, …). */
const costProducts: Record<Exclude<SalesLine["kind"], "product">, { code: string; description: string }> = {
  shipping: { code: "SHIPPINGCOSTS", description: "Shipping costs" },
  payment: { code: "PAYMENTCOSTS", description: "Payment costs" },
  surcharge: { code: "SURCHARGE", description: "Surcharge" },
  discount: { code: "DISCOUNT", description: "Discount" },
};

/** The product a line is booked on: its own code, a cost product, or one derived from its name. */
export function productFor(line: SalesLine): { code: string; description: string } {
  if (line.kind !== "product") {
    // "Extra costs" surcharges keep their own product, as the manuals list it separately.
    if (line.kind === "surcharge" && /extra/i.test(line.description)) return { code: "EXTRACOSTS", description: "Extra costs" };
    return costProducts[line.kind];
  }
  const code = line.code?.trim() || line.description.trim().slice(0, 60);
  return { code, description: line.description };
}
