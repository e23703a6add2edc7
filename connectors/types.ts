import { z } from "zod";

/** Every external system, by the id used in sandbox paths, the registry and the database. */
export const sourceSystemSchema = z.enum(["magento2", "magento1", "ccvshop", "prestashop", "kmoshops"]);
export const targetSystemSchema = z.enum(["rompslomp", "eboekhouden", "wefact", "factuursturen"]);
export const systemSchema = z.enum([...sourceSystemSchema.options, ...targetSystemSchema.options]);

export type SourceSystem = z.infer<typeof sourceSystemSchema>;
export type TargetSystem = z.infer<typeof targetSystemSchema>;
export type SystemId = z.infer<typeof systemSchema>;

export const systemNames: Record<SystemId, string> = {
  magento2: "Magento 2",
  magento1: "Magento 1.9",
  ccvshop: "CCV Shop",
  prestashop: "PrestaShop",
  kmoshops: "KMO Shops",
  rompslomp: "Rompslomp",
  eboekhouden: "e-Boekhouden",
  wefact: "WeFact",
  factuursturen: "Factuursturen",
};

/**
 * What every connector throws. `code` is stable (shown on the Errors tab and used for grouping);
 * `retryable` decides between a retry with backoff and a permanent error the merchant must fix.
 */
export class ConnectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly detail?: { status?: number; retryAfterMs?: number; body?: string },
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
