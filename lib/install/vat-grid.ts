import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";

/**
 * Whether the merchant maps VAT rates to the accounting system's codes. Factuursturen does not:
 * "the VAT percentages are used as they appear in the orders".
 */
export const usesVatGrid = (targetSystem: string) => targetSetups[targetSystem as TargetSystem]?.usesVatGrid !== false;
