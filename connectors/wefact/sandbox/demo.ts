import { euVatRates } from "@/lib/domain/eu-vat-rates";
import { WEFACT_ADMINISTRATION_ID } from "../setup";
import { sandboxApiKey, taxCodeFor } from "./seed";

/**
 * A demo integration's WeFact side, configured as a merchant would: the sandbox tenant's API key,
 * the one administration, the default layout, the manual's defaults (draft, no email, no invoice
 * number, no product creation) and a VAT grid with every EU country at its standard and reduced
 * rates (the seeded V-codes), ICP and International on V0. WeFact's API has no ledger accounts.
 */
export function wefactDemoTarget(tenant: string) {
  const grid = euVatRates.flatMap((c) => [c.standard, ...c.reduced].map((rate) => ({ region: c.country, rate, vatCode: taxCodeFor(rate) })));
  return {
    credentials: { apiKey: sandboxApiKey(tenant) },
    settings: { companyId: WEFACT_ADMINISTRATION_ID, templateId: "nl_nl", descriptionSource: "order-number", invoiceStatus: "draft", sendByEmail: false, invoiceCode: "none", createProducts: false },
    vatGrid: [...grid, { region: "ICP", rate: "0", vatCode: "V0" }, { region: "INTL", rate: "0", vatCode: "V0" }],
  };
}
