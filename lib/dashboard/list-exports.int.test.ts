import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { listCsv, type ExportList } from "./list-exports";
import type { Period } from "./integrations";

let t: TestDb;
let mine: { accountId: string; integrationId: string };
let theirs: { accountId: string; integrationId: string };

async function merchant(name: string) {
  const account = await t.db.account.create({
    data: { name, integrations: { create: { licenseKey: `${name}-CSV`, name, sourceSystem: "ccvshop", targetSystem: "rompslomp" } } },
    include: { integrations: true },
  });
  return { accountId: account.id, integrationId: account.integrations[0]!.id };
}

async function csv(who: { accountId: string; integrationId: string }, list: ExportList, period: Period = {}, locale: "en" | "nl" = "en") {
  let text = "";
  for await (const chunk of listCsv(t.db, who.accountId, who.integrationId, list, period, locale)) text += chunk;
  return text;
}

beforeAll(async () => {
  t = await createTestDb();
  mine = await merchant("A");
  theirs = await merchant("B");
  await t.db.document.createMany({
    data: [
      { integrationId: mine.integrationId, kind: "order", sourceId: "1", sourceNumber: "WEB-1", status: "booked", rawPayload: {}, customerName: 'Müller; "de" Vries', currency: "EUR",
        totalInclVat: "1234.50", totalExclVat: "1020.25", bookedAt: new Date("2026-10-05T09:30:00Z"), documentDate: new Date("2026-10-04T00:00:00Z"), targetNumber: "2026-0001", targetRef: "77" },
      { integrationId: mine.integrationId, kind: "creditnote", sourceId: "2", sourceNumber: "CN-2", status: "booked", rawPayload: {}, customerName: "=SUM(A1)", currency: "EUR",
        totalInclVat: "-0.10", totalExclVat: "-0.08", bookedAt: new Date("2026-11-02T12:00:00Z"), targetNumber: "2026-0002" },
      { integrationId: mine.integrationId, kind: "order", sourceId: "3", status: "error", rawPayload: {}, errorCode: "vat_rate_unmapped",
        errorParams: { region: "DE", rate: "19", line: "Tee" }, errorDetail: "No VAT code\nfor 19%", attempts: 2, receivedAt: new Date("2026-11-03T08:00:00Z") },
      { integrationId: theirs.integrationId, kind: "order", sourceId: "9", status: "booked", rawPayload: {}, totalInclVat: "9.99", bookedAt: new Date("2026-10-05T10:00:00Z") },
    ],
  });
  await t.db.payment.create({ data: { integrationId: mine.integrationId, sourceId: "PAY-1", amount: "41.86", method: "iDEAL", status: "booked", targetRef: "7", createdAt: new Date("2026-11-04T10:00:00Z") } });
});
afterAll(async () => { await t.close(); });

describe("CSV exports of the lists", () => {
  it("writes the Report with a BOM, semicolons, exact amounts, ISO dates and quoted text", async () => {
    const text = await csv(mine, "report");
    expect(text.startsWith("\uFEFFBooked at;Kind;Number;Shop id;Document date;Customer;Currency;Total incl. VAT;Total excl. VAT;Booked as;Reference in accounting\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.slice(1)).toEqual([
      "2026-11-02T12:00:00.000Z;Credit note;CN-2;2;;'=SUM(A1);EUR;-0.10;-0.08;2026-0002;",
      '2026-10-05T09:30:00.000Z;Order;WEB-1;1;2026-10-04T00:00:00.000Z;"Müller; ""de"" Vries";EUR;1234.50;1020.25;2026-0001;77',
      "",
    ]);
  });

  it("honours the period and never shows another account's documents", async () => {
    const october = await csv(mine, "report", { from: new Date("2026-10-01"), to: new Date("2026-11-01") });
    expect(october.slice(1).split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(october).toContain("WEB-1");
    expect(october).not.toContain("CN-2");
    expect(await csv({ accountId: mine.accountId, integrationId: theirs.integrationId }, "report")).not.toContain("9.99");
  });

  it("writes errors with their cause in words and a multi-line detail quoted, in Dutch too", async () => {
    const text = await csv(mine, "errors", {}, "nl");
    expect(text).toContain('Id in webwinkel');
    expect(text).toContain('vat_rate_unmapped;Duitsland 19% heeft geen btw-code;"No VAT code\nfor 19%";2\r\n');
  });

  it("writes payments with the amount as stored", async () => {
    const lines = (await csv(mine, "payments")).slice(1).split("\r\n");
    expect(lines[1]).toBe("2026-11-04T10:00:00.000Z;PAY-1;;EUR;41.86;iDEAL;;Booked;0;7;;");
  });
});
