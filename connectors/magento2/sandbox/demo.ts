import { sandboxCredentials } from "./credentials";

/** The demo integration's Magento 2 side: the sandbox shop's active integration and the manual's settings. */
export const magento2DemoSource = (tenant: string) => ({
  credentials: sandboxCredentials(tenant),
  settings: { shopCountry: "NL", pollIntervalMinutes: 60, paymentMethods: [] },
});
