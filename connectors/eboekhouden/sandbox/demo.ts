import { euVatRates } from "@/lib/domain/eu-vat-rates";
import { VAT_OSS } from "../config";
import { sandboxApiToken, seedAdministration } from "./seed";

/**
 * A demo integration's e-Boekhouden side, configured as a merchant would: connected with an API
 * token (the way in for new connections), mutations, and a VAT grid with every EU country at its
 * standard and reduced rates (NL at the Dutch codes, other EU countries as OSS), ICP and International.
 * Ledger accounts are the sandbox administration's codes (seed.ts).
 */
export function eboekhoudenDemoTarget(tenant: string) {
  const grid = euVatRates.flatMap((c) =>
    [c.standard, ...c.reduced].map((rate, i) => {
      const standard = i === 0;
      const revenueAccount = standard ? "8000" : "8010";
      if (c.country === "NL") return { region: "NL", rate, vatCode: standard ? "HOOG_VERK_21" : "LAAG_VERK_9", revenueAccount };
      // Sales to consumers elsewhere in the EU at that country's rate: OSS, the VAT on its own account.
      return { region: c.country, rate, vatCode: VAT_OSS, revenueAccount };
    }),
  );
  return {
    credentials: { mode: "token", apiToken: sandboxApiToken(tenant) },
    settings: {
      companyId: seedAdministration(tenant).guid,
      bookAs: "mutations",
      invoiceTemplate: "Standaard",
      descriptionSource: "order-number",
      debtorLedger: "1300",
      ossVatAccount: "1620",
      paymentAccount: "1100",
    },
    vatGrid: [
      ...grid,
      { region: "ICP", rate: "0", vatCode: "BI_EU_VERK", revenueAccount: "8100" },
      { region: "INTL", rate: "0", vatCode: "BU_EU_VERK", revenueAccount: "8110" },
    ],
    costAccounts: { shipping: "8200", paymentCosts: "8300" },
  };
}
