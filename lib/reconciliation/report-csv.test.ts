import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import { translator } from "@/lib/i18n/translate";
import { amounts } from "./amounts";
import type { ReconciliationReport } from "./build-report";
import { monthPeriod } from "./period";

import { reconciliationCsv } from "./report-csv";

const report: ReconciliationReport = {
  period: monthPeriod("2026-11"),
  rows: [{ rate: "21", country: "NL", shop: amounts("100.00", "21.00", "121.00"), booked: amounts("50.00", "10.50", "60.50"), difference: amounts("50.00", "10.50", "60.50") }],
  otherAmounts: new Decimal("-0.50"),
  total: { shop: amounts("100.00", "21.00", "121.00"), booked: amounts("50.00", "10.50", "60.00"), difference: amounts("50.00", "10.50", "61.00") },
  notEligibleCount: 0,
  notBooked: { count: 1, documents: [{ documentId: "d1", kind: "order", label: "=HYPERLINK(\"x\")", status: "error", incl: "60.50" }] },
  check: { status: "done", checkedAt: new Date(), error: null, findings: { deleted: [], twice: [], otherAmounts: [], targetCount: 0, targetIncl: "0.00", adjustments: [] } },
};

describe("the reconciliation CSV", () => {
  it("has one row per rate and country, the other amounts, the total in plain decimals, and the documents", () => {
    const lines = reconciliationCsv(report, translator(reconciliationMessages, "en"), "Rompslomp").split("\r\n");
    expect(lines[0]).toBe("Period,2026-11-01,2026-11-30");
    expect(lines[2]).toBe("21,NL,100.00,21.00,121.00,50.00,10.50,60.50,60.50");
    expect(lines[3]).toBe("Other amounts in Rompslomp,,,,,,,-0.50,0.50");
    expect(lines[4]).toBe("Total,,100.00,21.00,121.00,50.00,10.50,60.00,61.00");
  });

  it("defuses a number from the target that a spreadsheet would run as a formula, never a negative amount", () => {
    const deleted = [{ documentId: "d2", kind: "order", label: "1002", targetNumbers: ["=HYPERLINK(\"x\")"], shopIncl: "-12.10", targetIncl: "0.00" }];
    const csv = reconciliationCsv({ ...report, check: { ...report.check!, findings: { ...report.check!.findings!, deleted } } }, translator(reconciliationMessages, "nl"), "Rompslomp");
    expect(csv).toContain(`Geboekt maar verwijderd in Rompslomp,order 1002,"'=HYPERLINK(""x"")",-12.10,0.00`);
  });
});
