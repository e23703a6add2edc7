import { DEFAULT_STATUSES } from "../config";
import { sandboxApiKey } from "./credentials";

/** A demo integration's PrestaShop side: the sandbox shop's key, and the manual's settings ("Payment accepted" or later). */
export const prestashopDemoSource = (tenant: string) => ({
  credentials: { apiKey: sandboxApiKey(tenant), auth: "basic" },
  settings: { statuses: DEFAULT_STATUSES, shopCountry: "NL", shopTimezone: "Europe/Amsterdam" },
});
