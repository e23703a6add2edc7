import { BookingError } from "./booking-error";
import { classify } from "./classify";
import { money } from "./money";
import type { SalesDocument, SalesLine } from "./sales-document";

/** One row of the merchant's VAT grid. region: ISO country, "ICP" or "INTL". */
export type VatGridRow = { region: string; rate: string; vatCode: string; revenueAccount?: string | null };

/** Ledger accounts for cost lines; when unset the row's revenue account is used. */
export type CostAccounts = { shipping?: string; paymentCosts?: string };

/** Where a document's VAT is due, as the grid names it. */
export const vatRegion = (doc: SalesDocument): string => classify(doc).region;

/** The VAT code and ledger account for every line, or an error naming the first line that has none. */
export function resolveLineAccounts(doc: SalesDocument, grid: VatGridRow[], costs: CostAccounts = {}) {
  const region = vatRegion(doc);
  return doc.lines.map((line) => {
    const row = findRow(grid, region, line);
    if (!row) {
      const configured = grid.filter((r) => r.region === region).map((r) => `${r.rate}%`);
      throw new BookingError(
        "vat_rate_unmapped",
        `No VAT code is configured for ${money(line.vatRate).toFixed()}% in ${regionName(region)} (line "${line.description}"). ` +
          `Add it to the VAT grid on the Configuration tab, then click Process.`,
        { region, rate: line.vatRate, line: line.description, configured },
      );
    }
    const costAccount = line.kind === "shipping" ? costs.shipping : line.kind === "payment" ? costs.paymentCosts : undefined;
    return { ...line, vatCode: row.vatCode, ledgerAccount: costAccount ?? row.revenueAccount ?? undefined };
  });
}

function findRow(grid: VatGridRow[], region: string, line: SalesLine) {
  const rate = money(line.vatRate);
  return grid.find((r) => r.region === region && money(r.rate).eq(rate));
}

const regionName = (region: string) =>
  region === "ICP" ? "intra-community (ICP) sales" : region === "INTL" ? "sales outside the EU" : region;
