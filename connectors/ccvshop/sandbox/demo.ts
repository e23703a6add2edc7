import { sandboxCredentials } from "./credentials";

/** A demo integration's CCV Shop side: the sandbox shop's keys and the manual's settings. */
export const ccvshopDemoSource = (tenant: string, documentTrigger: "paid-orders" | "invoices") => ({
  credentials: sandboxCredentials(tenant),
  settings: { documentTrigger, shopCountry: "NL", paymentMethods: [] },
});
