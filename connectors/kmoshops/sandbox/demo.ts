import { sandboxCredentials } from "./credentials";

/** A demo integration's KMO Shops side: the sandbox shop's credentials (as its install hands them over) and the manual's settings. */
export const kmoshopsDemoSource = (tenant: string) => ({
  credentials: sandboxCredentials(tenant),
  settings: { shopCountry: "NL", orderStatuses: ["paid", "processing", "shipped", "completed"] },
});
