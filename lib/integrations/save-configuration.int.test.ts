import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { loadIntegration } from "./load-integration";
import { mergeSetting, setSetting, settingsMap } from "./settings";
import { saveConfigurationGroup } from "./save-configuration";
import { configurationChangedAt } from "./configuration-changed";

const APP = "http://localhost:3000";
let t: TestDb;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  await seedDemo(t.db, APP);
  for (const i of await t.db.integration.findMany({ select: { id: true, licenseKey: true } })) ids[i.licenseKey] = i.id;
});
afterAll(async () => { setDb(undefined); await t.close(); });

const settingsOf = async (key: string) => settingsMap(await t.db.integrationSetting.findMany({ where: { integrationId: ids[key]! } }));
const PS = "DEMO-PRESTASHOP-EBOEKHOUDEN";
const MR = "DEMO-MAGENTO-ROMPSLOMP";

describe("Fetching", () => {
  it("saves the poll interval and the start date; a new start date makes the poll start over", async () => {
    await t.db.integration.update({ where: { id: ids[MR]! }, data: { syncCursor: "somewhere" } });
    const result = await saveConfigurationGroup(t.db, ids[MR]!, "fetching", { pollIntervalMinutes: "15", startDate: "2026-01-01" });
    expect(result).toEqual({ ok: true });
    expect((await settingsOf(MR)).source).toMatchObject({ pollIntervalMinutes: 15, startDate: "2026-01-01", shopCountry: "NL" });
    expect((await t.db.integration.findUniqueOrThrow({ where: { id: ids[MR]! } })).syncCursor).toBeNull();
  });

  it.each([
    ["", "required"], ["abc", "number"], ["7.5", "whole"], ["4", "min"], ["1441", "max"],
  ])("refuses the poll interval %j (%s) and saves nothing", async (typed, code) => {
    const result = await saveConfigurationGroup(t.db, ids[MR]!, "fetching", { pollIntervalMinutes: typed, startDate: "2026-02-01" });
    expect(result).toMatchObject({ ok: false, errors: { pollIntervalMinutes: { code } }, values: { pollIntervalMinutes: typed, startDate: "2026-02-01" } });
    if (code === "min") expect(result).toMatchObject({ errors: { pollIntervalMinutes: { params: { min: 5, max: 1440 } } } });
    expect((await settingsOf(MR)).source).toMatchObject({ pollIntervalMinutes: 15, startDate: "2026-01-01" });
  });

  it("refuses an impossible start date", async () => {
    const result = await saveConfigurationGroup(t.db, ids[MR]!, "fetching", { pollIntervalMinutes: "60", startDate: "2026-02-30" });
    expect(result).toMatchObject({ ok: false, errors: { startDate: { code: "date" } } });
  });

  it("PrestaShop also re-checks a number of months back, within 1 to 24", async () => {
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "fetching", { pollIntervalMinutes: "30", startDate: "2000-01-01", recheckMonths: "25" }))
      .toMatchObject({ ok: false, errors: { recheckMonths: { code: "max" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "fetching", { pollIntervalMinutes: "30", startDate: "2000-01-01", recheckMonths: "6" })).toEqual({ ok: true });
    expect((await settingsOf(PS)).source).toMatchObject({ pollIntervalMinutes: 30, recheckMonths: 6, statuses: ["2", "3", "4", "5", "9", "11"] });
  });

  it("a webhook shop (CCV Shop) has no polling settings: they are refused", async () => {
    const result = await saveConfigurationGroup(t.db, ids["DEMO-CCVSHOP-ROMPSLOMP"]!, "fetching", { pollIntervalMinutes: "10" });
    expect(result).toMatchObject({ ok: false, errors: { pollIntervalMinutes: { code: "notApplicable" } } });
    expect((await settingsOf("DEMO-CCVSHOP-ROMPSLOMP")).source).not.toHaveProperty("pollIntervalMinutes");
  });
});

describe("Documents from the webshop", () => {
  it("PrestaShop statuses must be among the shop's own states, at least one", async () => {
    await setSetting(t.db, ids[PS]!, "orderStates", [{ id: "2", name: "Payment accepted", paid: true }, { id: "4", name: "Shipped", paid: true }, { id: "10", name: "Awaiting bank wire", paid: false }]);
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "documents", { bookingDate: "order-date" })).toMatchObject({ ok: false, errors: { statuses: { code: "statusesEmpty" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "documents", { statuses: ["2", "99"], bookingDate: "order-date" })).toMatchObject({ ok: false, errors: { statuses: { code: "statusUnknown" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "documents", { statuses: ["2", "10"], bookingDate: "sometime" })).toMatchObject({ ok: false, errors: { bookingDate: { code: "choice" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "documents", { statuses: ["2", "10"], bookingDate: "invoice-date" })).toEqual({ ok: true });
    const loaded = await loadIntegration(t.db, ids[PS]!);
    expect(loaded.settings.source).toMatchObject({ statuses: ["2", "10"], bookingDate: "invoice-date" });
  });

  it("KMO Shops statuses come from its fixed list", async () => {
    const key = "DEMO-KMOSHOPS-FACTUURSTUREN";
    expect(await saveConfigurationGroup(t.db, ids[key]!, "documents", { orderStatuses: ["paid", "lost"] })).toMatchObject({ ok: false, errors: { orderStatuses: { code: "statusUnknown" } } });
    expect(await saveConfigurationGroup(t.db, ids[key]!, "documents", { orderStatuses: ["paid", "shipped"] })).toEqual({ ok: true });
    expect((await settingsOf(key)).source).toMatchObject({ orderStatuses: ["paid", "shipped"] });
  });

  it("Magento: order number leading and credit adjustments; Magento 1.9's credit invoices are refused for Magento 2", async () => {
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "documents", { orderNumberLeading: "on", creditAdjustments: "book-without-vat", creditInvoices: "on" }))
      .toMatchObject({ ok: false, errors: { creditInvoices: { code: "notApplicable" } } });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "documents", { orderNumberLeading: "on", creditAdjustments: "book-without-vat" })).toEqual({ ok: true });
    expect((await settingsOf(MR)).source).toMatchObject({ orderNumberLeading: true, creditAdjustments: "book-without-vat", pollIntervalMinutes: 15 });
    // An unticked checkbox is not sent: off.
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "documents", { creditAdjustments: "reject" })).toEqual({ ok: true });
    expect((await settingsOf(MR)).source).toMatchObject({ orderNumberLeading: false, creditAdjustments: "reject" });
  });
});

describe("Booking in the accounting system", () => {
  it("e-Boekhouden: invoices, numbering, layout by name, debtors account; an empty account is refused", async () => {
    const form = { bookAs: "invoices", invoiceTemplate: "Webshop", descriptionSource: "invoice-number", invoiceNumbering: "shop", invoiceWithMutation: "no", debtorLedger: "", roundingLine: "on" };
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "booking", form)).toMatchObject({ ok: false, errors: { debtorLedger: { code: "required" } }, values: { bookAs: "invoices", invoiceTemplate: "Webshop" } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "booking", { ...form, debtorLedger: "13000000000" })).toMatchObject({ ok: false, errors: { debtorLedger: { code: "accountFormat" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "booking", { ...form, debtorLedger: "1310" })).toEqual({ ok: true });
    const s = await settingsOf(PS);
    expect(s.target).not.toHaveProperty("invoiceTemplate");
    expect(s.target).toMatchObject({ bookAs: "invoices", templateId: "Webshop", descriptionSource: "invoice-number", invoiceNumbering: "shop", invoiceWithMutation: false, debtorLedger: "1310", ossVatAccount: "1620" });
    expect(s.booking).toMatchObject({ roundingLine: true });
    // "As the connection decides" removes the choice again.
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "booking", { ...form, bookAs: "mutations", debtorLedger: "1300", invoiceWithMutation: "auto" })).toEqual({ ok: true });
    expect((await settingsOf(PS)).target).not.toHaveProperty("invoiceWithMutation");
  });

  it("accounts and layouts must be in the administration's list once it was read", async () => {
    await setSetting(t.db, ids[PS]!, "catalog", { vatCodes: [], accounts: [{ id: "1300", name: "1300 Debiteuren" }], templates: [{ id: "Standaard", name: "Standaard" }] });
    const form = { bookAs: "mutations", invoiceTemplate: "Webshop", descriptionSource: "order-number", invoiceNumbering: "eboekhouden", invoiceWithMutation: "auto", debtorLedger: "1310" };
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "booking", form)).toMatchObject({ ok: false, errors: { debtorLedger: { code: "accountUnknown" }, invoiceTemplate: { code: "templateUnknown" } } });
    await t.db.integrationSetting.delete({ where: { integrationId_key: { integrationId: ids[PS]!, key: "catalog" } } });
  });

  it("Rompslomp: concept or published, emailed only when published", async () => {
    const form = { invoiceStatus: "concept", sendByEmail: "on", templateId: "", descriptionSource: "order-number" };
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "booking", form)).toMatchObject({ ok: false, errors: { sendByEmail: { code: "conceptNoEmail" } } });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "booking", { ...form, templateId: "abc" })).toMatchObject({ ok: false, errors: { templateId: { code: "templateFormat" } } });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "booking", { ...form, sendByEmail: "", bookAs: "invoices" })).toMatchObject({ ok: false, errors: { bookAs: { code: "notApplicable" } } });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "booking", { ...form, sendByEmail: "" })).toEqual({ ok: true });
    const target = (await settingsOf(MR)).target as Record<string, unknown>;
    expect(target).toMatchObject({ invoiceStatus: "concept", sendByEmail: false, descriptionSource: "order-number" });
    expect(target).not.toHaveProperty("templateId"); // the default layout
    expect(target.companyId).toBeTruthy(); // the rest of the setting is kept
  });
});

describe("VAT", () => {
  it("validates the country and the merchant's own VAT number", async () => {
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "vat", { shopCountry: "Nederland", vatCountryFrom: "invoice-address", viesCheck: "on", requesterVatNumber: "", ossVatAccount: "1620" }))
      .toMatchObject({ ok: false, errors: { shopCountry: { code: "country" } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "vat", { shopCountry: "nl", vatCountryFrom: "invoice-address", viesCheck: "on", requesterVatNumber: "12345", ossVatAccount: "1620" }))
      .toMatchObject({ ok: false, errors: { requesterVatNumber: { code: "vatNumber", params: { value: "12345" } } } });
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "vat", { shopCountry: "be", vatCountryFrom: "delivery-address", requesterVatNumber: "nl 8888.77.999 B01", ossVatAccount: "1621" })).toEqual({ ok: true });
    const s = await settingsOf(PS);
    expect(s.source).toMatchObject({ shopCountry: "BE", vatCountryFrom: "delivery-address" });
    expect(s.booking).toMatchObject({ viesCheck: false, requesterVatNumber: "NL888877999B01", roundingLine: true }); // the Booking group's choice is kept
    expect(s.target).toMatchObject({ ossVatAccount: "1621" });
  });
});

describe("Payments", () => {
  it("books per method on its own account; the clearing account for the rest", async () => {
    const form = { paymentsEnabled: "on", paymentAccount: "1100", method_0: "iDEAL", account_0: "1101", method_1: "", account_1: "", paymentsRegardlessOfStatus: "on", paymentsWithoutOutstandingItem: "" };
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "payments", form)).toEqual({ ok: true });
    const s = await settingsOf(PS);
    expect(s.payments).toEqual({ enabled: true, accounts: { iDEAL: "1101", default: "1100" } });
    expect(s.source).toMatchObject({ paymentsRegardlessOfStatus: true });
    expect(s.target).toMatchObject({ paymentsWithoutOutstandingItem: false });
  });

  it.each([
    [{ method_0: "iDEAL", account_0: "" }, "methodAccountMissing"],
    [{ method_0: "", account_0: "1101" }, "methodMissing"],
    [{ method_0: "iDEAL", account_0: "1101", method_1: "ideal", account_1: "1102" }, "methodDuplicate"],
    [{ method_0: "Default", account_0: "1101" }, "methodReserved"],
  ])("refuses method rows %j (%s)", async (rows, code) => {
    expect(await saveConfigurationGroup(t.db, ids[PS]!, "payments", { paymentsEnabled: "on", paymentAccount: "1100", ...rows })).toMatchObject({ ok: false, errors: { methodAccounts: { code } } });
  });

  it("payments on need a clearing account when the accounting settings have none", async () => {
    await mergeSetting(t.db, ids[MR]!, "target", { invoiceStatus: "published", paymentClearingAccountId: undefined });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "payments", { paymentsEnabled: "on", paymentAccount: "" })).toMatchObject({ ok: false, errors: { paymentAccount: { code: "paymentAccountMissing" } } });
    expect(await saveConfigurationGroup(t.db, ids[MR]!, "payments", { paymentsEnabled: "on", paymentAccount: "12345" })).toEqual({ ok: true });
  });

  it("WeFact takes the payments switch (beyond the manuals) with no account to pick: it has none", async () => {
    const wefact = ids["DEMO-CCVSHOP-WEFACT"]!;
    expect(await saveConfigurationGroup(t.db, wefact, "payments", { paymentsEnabled: "on", paymentAccount: "1100" })).toMatchObject({ ok: false, errors: { paymentAccount: { code: "notApplicable" } } });
    expect(await saveConfigurationGroup(t.db, wefact, "payments", { paymentsEnabled: "on" })).toEqual({ ok: true });
    expect(paymentsSettingOf((await t.db.integrationSetting.findUniqueOrThrow({ where: { integrationId_key: { integrationId: wefact, key: "payments" } } })).value)).toEqual({ enabled: true, accounts: {} });
    expect(await saveConfigurationGroup(t.db, wefact, "payments", {})).toEqual({ ok: true });
  });
});

it("keeps when the configuration last changed", async () => {
  const before = await configurationChangedAt(t.db, ids[MR]!);
  await new Promise((r) => setTimeout(r, 5));
  await saveConfigurationGroup(t.db, ids[MR]!, "fetching", { pollIntervalMinutes: "45", startDate: "2026-01-01" });
  const after = await configurationChangedAt(t.db, ids[MR]!);
  expect(after!.getTime()).toBeGreaterThan(before!.getTime());
});
