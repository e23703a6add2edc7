import { euVatRates } from "@/lib/domain/eu-vat-rates";
import { SANDBOX_COMPANY_ID, sandboxAccountIds as a, sandboxTemplateIds, sandboxVatTypeIds as v } from "./seed";
import { sandboxDemoRefreshToken } from "./state";

/**
 * A demo integration's Rompslomp side, fully configured as a merchant would: connected (the
 * sandbox accepts the demo refresh token once), the sandbox administration and layout, and a VAT
 * grid with every EU country at its standard and reduced rates, ICP and International.
 */
export function rompslompDemoTarget(tenant: string) {
  const id = (n: number) => String(n);
  const grid = euVatRates.flatMap((c) =>
    [c.standard, ...c.reduced].map((rate, i) => {
      const standard = i === 0;
      if (c.country === "NL") return { region: "NL", rate, vatCode: id(standard ? v.high : v.low), revenueAccount: id(standard ? a.revenueHigh : a.revenueLow) };
      // Sales to consumers elsewhere in the EU (OSS) are booked at that country's rate.
      return { region: c.country, rate, vatCode: id(v.custom), revenueAccount: id(standard ? a.revenueHigh : a.revenueLow) };
    }),
  );
  return {
    credentials: { accessToken: "", refreshToken: sandboxDemoRefreshToken(tenant), expiresAt: new Date(0).toISOString() },
    settings: { companyId: id(SANDBOX_COMPANY_ID), templateId: id(sandboxTemplateIds.webshop), descriptionSource: "order-number", paymentClearingAccountId: id(a.clearingIdeal) },
    vatGrid: [
      ...grid,
      { region: "ICP", rate: "0", vatCode: id(v.zero), revenueAccount: id(a.revenueIcp) },
      { region: "INTL", rate: "0", vatCode: id(v.zero), revenueAccount: id(a.revenueExport) },
    ],
    costAccounts: { shipping: id(a.shipping), paymentCosts: id(a.paymentCosts) },
  };
}
