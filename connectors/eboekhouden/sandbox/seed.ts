import { createHash } from "node:crypto";

/**
 * Reference data of a fresh Dutch e-Boekhouden administration, the same in every tenant (fixed ids):
 * the standard chart of accounts (modelled on e-Boekhouden's default "rekeningschema"), the
 * invoice templates, and the tenant's credentials for both ways in.
 */

export type LedgerJson = { id: number; code: string; description: string; category: string; group: string };
export type TemplateJson = { id: number; name: string; active: boolean; type: "E" | "A" };

/** [code, description, category, group]; categories as the API names them (BAL, VW, FIN, DEB, CRED, AF19, AF6, AFOVERIG, VOOR, BTWRC). */
const CHART: [string, string, string, string][] = [
  ["0100", "Inventaris", "BAL", "Vaste activa"],
  ["0200", "Vervoermiddelen", "BAL", "Vaste activa"],
  ["0500", "Eigen vermogen", "BAL", "Eigen vermogen"],
  ["0600", "Privé-opnamen", "BAL", "Eigen vermogen"],
  ["1000", "Kas", "FIN", "Liquide middelen"],
  ["1100", "Bank", "FIN", "Liquide middelen"],
  ["1110", "Spaarrekening", "FIN", "Liquide middelen"],
  ["1300", "Debiteuren", "DEB", "Vorderingen"],
  ["1400", "Vooruitbetaalde kosten", "BAL", "Vorderingen"],
  ["1500", "Af te dragen btw hoog", "AF19", "Btw"],
  ["1510", "Af te dragen btw laag", "AF6", "Btw"],
  ["1520", "Af te dragen btw overig", "AFOVERIG", "Btw"],
  ["1530", "Voorbelasting", "VOOR", "Btw"],
  ["1540", "Btw rekening-courant", "BTWRC", "Btw"],
  ["1600", "Crediteuren", "CRED", "Schulden"],
  // Not in a fresh administration: the balance-sheet account a merchant adds for OSS VAT (manual ch. 5), kept for the demo.
  ["1620", "Af te dragen btw OSS", "BAL", "Btw"],
  ["1700", "Nog te betalen bedragen", "BAL", "Schulden"],
  ["1800", "Vraagposten", "BAL", "Schulden"],
  ["4000", "Personeelskosten", "VW", "Kosten"],
  ["4300", "Huisvestingskosten", "VW", "Kosten"],
  ["4500", "Kantoorkosten", "VW", "Kosten"],
  ["4600", "Verkoopkosten", "VW", "Kosten"],
  ["4700", "Algemene kosten", "VW", "Kosten"],
  ["7000", "Inkopen", "VW", "Kostprijs omzet"],
  ["8000", "Omzet hoog", "VW", "Omzet"],
  ["8010", "Omzet laag", "VW", "Omzet"],
  ["8020", "Omzet 0% / vrijgesteld", "VW", "Omzet"],
  ["8100", "Omzet binnen de EU", "VW", "Omzet"],
  ["8110", "Omzet buiten de EU", "VW", "Omzet"],
  ["8200", "Opbrengst verzendkosten", "VW", "Omzet"],
  ["8300", "Opbrengst betaalkosten", "VW", "Omzet"],
  ["9000", "Betalingsverschillen", "VW", "Overige"],
];

const ledgerId = (code: string) => 18_000_000 + Number(code) * 37;

export function seedLedgers(): LedgerJson[] {
  return CHART.map(([code, description, category, group]) => ({ id: ledgerId(code), code, description, category, group }));
}

/** Ledger ids by code, for tests and the demo. */
export const sandboxLedgerId = ledgerId;

export function seedTemplates(): TemplateJson[] {
  return [
    { id: 40101, name: "Standaard", active: true, type: "E" },
    // The manual's default name, as administrations that use the English template name have it.
    { id: 40102, name: "Invoice template", active: true, type: "E" },
    { id: 40103, name: "Oud sjabloon", active: false, type: "A" },
  ];
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

export function seedAdministration(tenant: string) {
  const h = digest(`administration ${tenant}`);
  return {
    guid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    company: `Sandbox administratie ${tenant}`,
    city: "Utrecht",
    startBoekjaar: "2020",
  };
}

/** The API token every fresh tenant accepts (public on purpose: the sandbox is a simulator). */
export const sandboxApiToken = (tenant: string) => `sandbox-api-token-${tenant}`;

/** The legacy login every fresh tenant accepts: username and the two security codes. */
export function sandboxLegacyCredentials(tenant: string) {
  const h = digest(`legacy ${tenant}`);
  return {
    username: `sandbox-${tenant}`,
    securityCode1: h.slice(0, 32).toUpperCase(),
    securityCode2: `${h.slice(32, 40)}-${h.slice(40, 44)}-${h.slice(44, 48)}-${h.slice(48, 52)}-${h.slice(52, 64)}`.toUpperCase(),
  };
}
