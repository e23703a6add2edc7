import { sandboxCredentials } from "./credentials";
import { sandboxProfileIds } from "./seed";

/**
 * A demo integration's Factuursturen side, configured as a merchant would: connected with the
 * tenant's username and API key, the one administration, the webshop layout, invoices not sent
 * automatically. No VAT grid: Factuursturen books the VAT percentages of the orders.
 */
export function factuursturenDemoTarget(tenant: string) {
  const credentials = sandboxCredentials(tenant);
  return {
    credentials,
    settings: { companyId: credentials.username, templateId: sandboxProfileIds.webshop, sendMethod: "mail" },
  };
}
