import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import { prestashopDemoSource } from "@/connectors/prestashop/sandbox/demo";
import { factuursturenDemoTarget } from "@/connectors/factuursturen/sandbox/demo";
import { kmoshopsDemoSource } from "@/connectors/kmoshops/sandbox/demo";
import { magento2DemoSource } from "@/connectors/magento2/sandbox/demo";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { wefactDemoTarget } from "@/connectors/wefact/sandbox/demo";
import type { SourceSystem, TargetSystem } from "@/connectors/types";

/** What a demo integration's side is configured with; absent for systems without a connector yet. */
export type DemoSide = {
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
  vatGrid?: { region: string; rate: string; vatCode: string; revenueAccount?: string }[];
  costAccounts?: Record<string, string>;
};

/** The five demo integrations of contracts/sandbox.md, one per manual. Tenant slug = license key in lower case. */
export const demoIntegrations: {
  licenseKey: string;
  name: string;
  source: SourceSystem;
  target: TargetSystem;
  demoSource?: (tenant: string) => DemoSide;
  demoTarget?: (tenant: string) => DemoSide;
}[] = [
  { licenseKey: "DEMO-MAGENTO-ROMPSLOMP", name: "Magento 2 → Rompslomp", source: "magento2", target: "rompslomp",
    demoSource: magento2DemoSource, demoTarget: rompslompDemoTarget },
  { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP", name: "CCV Shop → Rompslomp", source: "ccvshop", target: "rompslomp",
    demoSource: (t) => ccvshopDemoSource(t, "paid-orders"), demoTarget: rompslompDemoTarget },
  { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN", name: "PrestaShop → e-Boekhouden", source: "prestashop", target: "eboekhouden",
    demoSource: prestashopDemoSource, demoTarget: eboekhoudenDemoTarget },
  { licenseKey: "DEMO-CCVSHOP-WEFACT", name: "CCV Shop → WeFact", source: "ccvshop", target: "wefact", demoSource: (t) => ccvshopDemoSource(t, "invoices"), demoTarget: wefactDemoTarget },
  { licenseKey: "DEMO-KMOSHOPS-FACTUURSTUREN", name: "KMO Shops → Factuursturen", source: "kmoshops", target: "factuursturen",
    demoSource: kmoshopsDemoSource, demoTarget: factuursturenDemoTarget },
];

export const DEMO_LOGIN = { email: "demo@example.com", password: "demo", company: "Demo Webwinkel B.V.", name: "Demo Merchant" } as const;
