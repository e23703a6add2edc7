import { z } from "zod";
import { ORDER_STATUSES } from "./contract";

/** What the app-store install handshake hands over (install.ts), kept sealed on the source connection. */
export const kmoCredentialsSchema = z.object({
  shopId: z.string().min(1, "the KMO Shops shop id is missing"),
  apiKey: z.string().min(1, "the KMO Shops API key is missing"),
  webhookSecret: z.string().min(1, "the KMO Shops webhook secret is missing"),
});
export type KmoCredentials = z.infer<typeof kmoCredentialsSchema>;

/** The settings this source reads; every field has the manual's default. */
export const kmoSettingsSchema = z.object({
  /**
   * The webshop's home country: an order with 0% VAT delivered in another EU country is ICP,
   * outside the EU international. Also the country of an address without one (the manual: "If no
   * country is provided, the default is the Netherlands").
   */
  shopCountry: z.string().regex(/^[A-Z]{2}$/).default("NL"),
  /**
   * Order statuses that are booked ("If the order can be processed - this depends on the status").
   * Orders in other statuses wait on the Open tab and are re-checked nightly.
   */
  orderStatuses: z.array(z.enum(ORDER_STATUSES)).min(1).default(["paid", "processing", "shipped", "completed"]),
});
export type KmoSettings = z.infer<typeof kmoSettingsSchema>;
export type KmoSettingsInput = z.input<typeof kmoSettingsSchema>;
