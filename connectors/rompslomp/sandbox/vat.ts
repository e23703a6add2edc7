import type Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { idParam } from "./http";
import type { VatTypeRecord } from "./seed";
import type { RompslompState } from "./state";

/** A line's VAT type: the given id, or (when omitted) the company default, "vat_high". */
export function resolveVatType(state: RompslompState, raw: unknown): VatTypeRecord | undefined {
  if (raw === undefined || raw === null || raw === "") return state.vatTypes.find((t) => t.name === "vat_high");
  const id = idParam(raw);
  return state.vatTypes.find((t) => t.id === id);
}

/** The rate comes from the type; only vat_custom takes the line's own vat_rate (the reference). */
export function rateOf(type: VatTypeRecord, customRate: Decimal | undefined): Decimal {
  if (type.name === "vat_custom") return customRate ?? new D(0);
  return new D(type.value ?? "0");
}
