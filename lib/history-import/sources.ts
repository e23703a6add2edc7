import type { SourceSystem } from "@/connectors/types";

/** The shops whose connector can list its past documents by date (SourceConnector.listHistory). */
export const historySources: ReadonlySet<SourceSystem> = new Set<SourceSystem>(["magento2", "magento1", "ccvshop", "prestashop", "kmoshops"]);
