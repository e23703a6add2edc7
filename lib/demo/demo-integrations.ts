import type { SourceSystem, TargetSystem } from "@/connectors/types";

/** The five demo integrations of contracts/sandbox.md, one per manual. Tenant slug = license key in lower case. */
export const demoIntegrations: {
  licenseKey: string;
  name: string;
  source: SourceSystem;
  target: TargetSystem;
  settings: Record<string, unknown>;
}[] = [
  { licenseKey: "DEMO-MAGENTO-ROMPSLOMP", name: "Magento 2 → Rompslomp", source: "magento2", target: "rompslomp",
    settings: { documentKinds: ["invoice", "creditnote"], bookPayments: false } },
  { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP", name: "CCV Shop → Rompslomp", source: "ccvshop", target: "rompslomp",
    settings: { documentKinds: ["order"], orderTrigger: "paid", bookPayments: true } },
  { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN", name: "PrestaShop → e-Boekhouden", source: "prestashop", target: "eboekhouden",
    settings: { documentKinds: ["order"], orderTrigger: "payment-accepted-or-later", bookAs: "mutations", bookPayments: true } },
  { licenseKey: "DEMO-CCVSHOP-WEFACT", name: "CCV Shop → WeFact", source: "ccvshop", target: "wefact",
    settings: { documentKinds: ["invoice", "creditnote"], bookPayments: false } },
  { licenseKey: "DEMO-KMOSHOPS-FACTUURSTUREN", name: "KMO Shops → Factuursturen", source: "kmoshops", target: "factuursturen",
    settings: { documentKinds: ["order"], bookPayments: false } },
];

export const DEMO_LOGIN = { email: "demo@example.com", password: "demo", company: "Demo Webwinkel B.V.", name: "Demo Merchant" } as const;
