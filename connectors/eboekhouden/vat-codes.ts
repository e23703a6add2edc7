/**
 * e-Boekhouden's VAT codes for Dutch administrations (reference §2.A, the spec's VAT table). They
 * are fixed by e-Boekhouden: neither API lists them, so the wizard's drop-down comes from here.
 * `rate` is the percentage e-Boekhouden computes with; AFW/AFW_VERK take the VAT amount instead.
 */
export type VatKind = "sale" | "purchase" | "none";
export type VatCodeInfo = { code: string; description: string; rate?: string; kind: VatKind; until?: string };

export const vatCodes: VatCodeInfo[] = [
  { code: "HOOG_VERK_21", description: "Sales 21%", rate: "21", kind: "sale" },
  { code: "LAAG_VERK_9", description: "Sales 9%", rate: "9", kind: "sale" },
  { code: "LAAG_VERK", description: "Sales 6% (before 2019)", rate: "6", kind: "sale", until: "2019-01-01" },
  { code: "AFW_VERK", description: "Sales, divergent rate", kind: "sale" },
  { code: "VERL_VERK", description: "Sales, reverse charge 21%", rate: "0", kind: "sale" },
  { code: "VERL_VERK_L9", description: "Sales, reverse charge 9%", rate: "0", kind: "sale" },
  { code: "BU_EU_VERK", description: "Delivery outside the EU 0%", rate: "0", kind: "sale" },
  // The spec's table lists BI_EU_VERK under purchases, its enum text says "goods inside the EU": a sale (reference §2.A).
  { code: "BI_EU_VERK", description: "Delivery of goods within the EU 0% (ICP)", rate: "0", kind: "sale" },
  { code: "BI_EU_VERK_D", description: "Services within the EU 0%", rate: "0", kind: "sale" },
  { code: "AFST_VERK", description: "Distance selling within the EU 0%", rate: "0", kind: "sale" },
  { code: "HOOG_INK_21", description: "Purchases 21%", rate: "21", kind: "purchase" },
  { code: "LAAG_INK_9", description: "Purchases 9%", rate: "9", kind: "purchase" },
  { code: "LAAG_INK", description: "Purchases 6% (before 2019)", rate: "6", kind: "purchase", until: "2019-01-01" },
  { code: "AFW", description: "Purchases, divergent rate", kind: "purchase" },
  { code: "VERL_INK", description: "Purchases, reverse charge 21%", rate: "0", kind: "purchase" },
  { code: "VERL_INK_L9", description: "Purchases, reverse charge 9%", rate: "0", kind: "purchase" },
  { code: "VERL_INK_L", description: "Purchases, reverse charge 6% (before 2019)", rate: "0", kind: "purchase", until: "2019-01-01" },
  { code: "BU_EU_INK", description: "Purchases from outside the EU 0%", rate: "0", kind: "purchase" },
  { code: "BI_EU_INK", description: "Purchases from inside the EU 0%", rate: "0", kind: "purchase" },
  { code: "GEEN", description: "No VAT", rate: "0", kind: "none" },
];

export const vatCodeInfo = (code: string) => vatCodes.find((c) => c.code === code);

/** Codes a sales booking may carry (MUT_111 otherwise): sales codes and "no VAT". */
export const isSalesVatCode = (code: string) => {
  const info = vatCodeInfo(code);
  return !!info && info.kind !== "purchase";
};
