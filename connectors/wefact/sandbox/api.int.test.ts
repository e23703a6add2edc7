import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { caught } from "../../testing";
import { createWefactClient } from "../client";
import { encodeForm } from "../form";
import { wefactSetup } from "../setup";
import { SANDBOX_LIMITS, spend } from "./rate-limit";
import { sandboxApiKey } from "./seed";
import type { InvoiceJson } from "./state";
import { admin, api, APP_URL, sandboxCtx, sandboxFetch } from "./testing";

const TENANT = "api-acme";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { await admin(TENANT, "POST", "reset"); await admin(TENANT, "POST", "faults", {}); });

const client = (tenant = TENANT, timeoutMs?: number) => {
  const ctx = sandboxCtx(tenant);
  return createWefactClient({ baseUrl: ctx.baseUrl, apiKey: sandboxApiKey(tenant), fetch: sandboxFetch, timeoutMs });
};
const addDebtor = async (fields: Record<string, unknown> = {}) =>
  (await api(TENANT, { controller: "debtor", action: "add", SurName: "Jansen", EmailAddress: "jan@example.nl", ...fields })).json.debtor as { Identifier: number; DebtorCode: string };
const state = async () => (await admin(TENANT, "GET", "state")).json() as Promise<{ contacts: unknown[]; products: unknown[]; invoices: InvoiceJson[]; mutations: unknown[]; payments: unknown[] }>;

describe("transport and auth, as WeFact does them", () => {
  it("answers HTTP 200 with status error for a wrong or missing API key", async () => {
    for (const key of ["wrong", undefined]) {
      const res = await api(TENANT, { api_key: key, controller: "settings", action: "list" });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ controller: "settings", action: "list", status: "error", errors: ["Ongeldige API-sleutel opgegeven"] });
    }
    const wrong = createWefactClient({ baseUrl: sandboxCtx(TENANT).baseUrl, apiKey: "wrong", fetch: sandboxFetch });
    expect(await caught(wrong.settings())).toMatchObject({ code: "unauthorized", retryable: false });
  });

  it("accepts form bodies in PHP bracket notation as well as JSON", async () => {
    const res = await sandboxFetch(`${sandboxCtx(TENANT).baseUrl}/v2/`, {
      method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: encodeForm({ api_key: sandboxApiKey(TENANT), controller: "debtor", action: "add", SurName: "Vries", CustomFields: { klantsoort: "webshop" } }),
    });
    expect(await res.json()).toMatchObject({ status: "success", debtor: { SurName: "Vries", DebtorCode: "DB10000", CustomFields: { klantsoort: "webshop" } } });
  });

  it("refuses calls from an IP outside the whitelist with WeFact's message", async () => {
    await admin(TENANT, "POST", "ip-whitelist", { ips: ["203.0.113.10"] });
    try {
      expect((await api(TENANT, { controller: "settings", action: "list" })).json).toMatchObject({ status: "error", errors: ["IP 127.0.0.1 has no access to API"] });
      const allowed = await api(TENANT, { controller: "settings", action: "list" }, { headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.10" } });
      expect(allowed.json.status).toBe("success");
      expect(await caught(client().settings())).toMatchObject({ code: "access_denied", retryable: false });
    } finally {
      await admin(TENANT, "POST", "ip-whitelist", { ips: [] });
    }
  });

  it("knows its controllers and actions", async () => {
    expect((await api(TENANT, { controller: "nope", action: "list" })).json.errors).toEqual(["Invalid controller"]);
    expect((await api(TENANT, { controller: "debtor", action: "delete" })).json.errors).toEqual(["Invalid action"]);
    const get = await sandboxFetch(`${sandboxCtx(TENANT).baseUrl}/v2/`);
    expect((await get.json()).status).toBe("error");
    expect((await sandboxFetch(`${sandboxCtx(TENANT).baseUrl}/v1/`, { method: "POST" })).status).toBe(404);
  });

  it("sends API-RateLimit headers and firewalls past the limit (HTTP 403)", async () => {
    const tenant = "api-busy";
    const res = await api(tenant, { controller: "settings", action: "list" });
    expect(Number(res.headers.get("API-RateLimit-Remaining-Minute"))).toBe(SANDBOX_LIMITS.minute - 1);
    expect(Number(res.headers.get("API-RateLimit-Reset-Hour"))).toBeGreaterThan(Date.now() / 1000);
    for (let i = 1; i < SANDBOX_LIMITS.minute; i++) spend(tenant);
    const banned = await api(tenant, { controller: "settings", action: "list" });
    expect(banned.status).toBe(403);
    expect(banned.json.errors).toEqual(["IP 127.0.0.1 is currently in firewall"]);
    expect(await caught(client(tenant).settings())).toMatchObject({ code: "rate_limited", retryable: true });
    await admin(tenant, "POST", "reset"); // a reset restores the budget
    expect((await api(tenant, { controller: "settings", action: "list" })).json.status).toBe("success");
  });
});

describe("reference data of a fresh Dutch administration", () => {
  it("settings/list: sale VAT codes keyed by code (V21 default, V9, V0, the OSS rates) and corporate identities", async () => {
    const settings = (await api(TENANT, { controller: "settings", action: "list" })).json.settings as { Tax: { Codes: { Sale: Record<string, { Rate: string }> } }; CorporateIdentity: unknown[] };
    expect(settings.Tax.Codes.Sale.V21).toEqual({ TaxCode: "V21", Name: "21% btw", Rate: "0.21", IsDefault: "yes" });
    expect(settings.Tax.Codes.Sale.V9!.Rate).toBe("0.09");
    expect(settings.Tax.Codes.Sale.V0!.Rate).toBe("0.00");
    expect(settings.Tax.Codes.Sale["V5.5"]!.Rate).toBe("0.055");
    expect(settings.CorporateIdentity).toEqual([{ LanguageCode: "nl_nl", Name: "Standaard huisstijl", Default: "yes" }, { LanguageCode: "en_gb", Name: "English invoices", Default: "no" }]);
  });
});

describe("debtors and products", () => {
  it("numbers debtors DB10000…, searches EmailAddress as a substring, pages, and leaves the rows key out of an empty list", async () => {
    await addDebtor({ EmailAddress: "jann@example.nl" });
    await addDebtor({ EmailAddress: "ann@example.nl", SurName: "Ann" });
    const hits = (await api(TENANT, { controller: "debtor", action: "list", searchat: "EmailAddress", searchfor: "ann@example.nl" })).json;
    expect(hits).toMatchObject({ totalresults: 2, currentresults: 2, offset: 0 });
    expect((hits.debtors as { DebtorCode: string }[]).map((d) => d.DebtorCode)).toEqual(["DB10000", "DB10001"]);
    const page = (await api(TENANT, { controller: "debtor", action: "list", offset: 1, limit: 1 })).json;
    expect(page).toMatchObject({ totalresults: 2, currentresults: 1, offset: 1 });
    const none = (await api(TENANT, { controller: "debtor", action: "list", searchat: "EmailAddress", searchfor: "nobody@x.nl" })).json;
    expect(none).toMatchObject({ status: "success", totalresults: 0 });
    expect(none).not.toHaveProperty("debtors");
  });

  it("checks debtors as WeFact does: a name, a valid country and email, no Identifier on add, no unknown fields", async () => {
    expect((await api(TENANT, { controller: "debtor", action: "add", EmailAddress: "x@y.nl" })).json.errors).toEqual(["Er moet een bedrijfsnaam of achternaam worden opgegeven"]);
    expect((await api(TENANT, { controller: "debtor", action: "add", SurName: "X", Country: "Nederland", EmailAddress: "geen-email" })).json.errors)
      .toEqual(["Ongeldige landcode 'Nederland'", "Ongeldig e-mailadres 'geen-email'"]);
    expect((await api(TENANT, { controller: "debtor", action: "add", Identifier: 5, SurName: "X" })).json.errors).toEqual(["Een Identifier is niet toegestaan voor deze actie"]);
    expect((await api(TENANT, { controller: "debtor", action: "add", SurName: "X", Surname: "typo" })).json.errors).toEqual(["Invalid parameter 'Surname'"]);
  });

  it("products: numbers P0001…, letters and digits only, unique codes, a known VAT code", async () => {
    const add = (fields: Record<string, unknown>) => api(TENANT, { controller: "product", action: "add", ProductName: "Mok", ProductKeyPhrase: "Mok blauw", PriceExcl: "12.396694", ...fields });
    expect((await add({})).json.product).toMatchObject({ ProductCode: "P0001", PriceExcl: "12.39669", TaxCode: "V21", TaxPercentage: "21" });
    expect((await add({ ProductCode: "MOK-01" })).json.errors).toEqual(["Productnummer 'MOK-01' mag alleen letters en cijfers bevatten"]);
    expect((await add({ ProductCode: "MOK01", TaxCode: "V9" })).json.product).toMatchObject({ ProductCode: "MOK01", TaxPercentage: "9" });
    expect((await add({ ProductCode: "mok01" })).json.errors).toEqual(["Productnummer mok01 is al in gebruik"]);
    expect((await add({ ProductCode: "MOK02", TaxCode: "V99" })).json.errors).toEqual(["Ongeldige btw-code 'V99'"]);
    expect((await add({ ProductName: "", PriceExcl: "abc" })).json.errors).toEqual(["Productnaam is verplicht", "Invalid type for 'PriceExcl'"]);
  });
});

describe("invoices", () => {
  const line = (fields: Record<string, unknown> = {}) => ({ Number: "1", Description: "Theepot", PriceExcl: "20.62", TaxCode: "V21", ...fields });

  it("a draft gets a [concept] number; incl. VAT: lines incl. rounded, VAT per rate from the incl. sum", async () => {
    const debtor = await addDebtor();
    const res = (await api(TENANT, {
      controller: "invoice", action: "add", Debtor: debtor.Identifier, Date: "2024-07-10", Term: 14, VatCalcMethod: "incl", ReferenceNumber: "WEB-1006",
      InvoiceLines: [line(), line({ Number: "2", Description: "Thee", PriceExcl: "5.495", TaxCode: "V9" }), line({ PriceExcl: "4.09" }), line({ PriceExcl: "0.41" })],
    })).json;
    expect(res).toMatchObject({ status: "success", success: ["Factuur [concept]0001 is aangemaakt"] });
    expect(res.invoice).toMatchObject({
      InvoiceCode: "[concept]0001", Status: "0", Date: "2024-07-10", PayBefore: "2024-07-24", VatCalcMethod: "incl",
      AmountIncl: "42.38", AmountTax: "6.27", AmountExcl: "36.11", AmountOutstanding: "0.00", Sent: "0", ReferenceNumber: "WEB-1006",
      CompanyName: "", SurName: "Jansen", EmailAddress: "jan@example.nl",
    });
    expect(res.invoice).not.toHaveProperty("SandboxVatPerRate");
    const [stored] = (await state()).invoices;
    expect(stored!.SandboxVatPerRate).toEqual([
      { TaxPercentage: "21", AmountExcl: "25.12", AmountTax: "5.28", AmountIncl: "30.40" },
      { TaxPercentage: "9", AmountExcl: "10.99", AmountTax: "0.99", AmountIncl: "11.98" },
    ]);
  });

  it("excl. VAT: lines excl. rounded, VAT per rate on the excl. sum", async () => {
    const debtor = await addDebtor();
    const res = (await api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, InvoiceLines: [line({ Number: "3", PriceExcl: "2.753" }), line({ PriceExcl: "10" })] })).json;
    expect(res.invoice).toMatchObject({ VatCalcMethod: "excl", AmountExcl: "18.26", AmountTax: "3.83", AmountIncl: "22.09" });
  });

  it("status 4 is paid and numbered per year; an explicit invoice code must be unique", async () => {
    const debtor = await addDebtor();
    const add = (fields: Record<string, unknown>) => api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, Date: "2024-03-01", InvoiceLines: [line()], ...fields });
    expect((await add({ Status: 4 })).json.invoice).toMatchObject({ InvoiceCode: "F2024-0001", Status: "4", AmountPaid: "24.95", AmountOutstanding: "0.00", PayDate: "2024-03-01" });
    expect((await add({ Status: 2 })).json.invoice).toMatchObject({ InvoiceCode: "F2024-0002", Status: "2", AmountOutstanding: "24.95", Sent: "0" });
    expect((await add({ InvoiceCode: "WEB-1006" })).json.invoice).toMatchObject({ InvoiceCode: "WEB-1006", Status: "0" });
    expect((await add({ InvoiceCode: "WEB-1006" })).json.errors).toEqual(["Factuurnummer WEB-1006 is al in gebruik"]);
  });

  it("refuses what WeFact refuses", async () => {
    const debtor = await addDebtor();
    const add = (fields: Record<string, unknown>) => api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, InvoiceLines: [line()], ...fields });
    expect((await add({ Debtor: 999 })).json.errors).toEqual(["Debiteur niet gevonden of niet opgegeven"]);
    expect((await add({ InvoiceLines: [] })).json.errors).toEqual(["Er moet minimaal één factuurregel worden opgegeven"]);
    expect((await add({ InvoiceLines: [line({ TaxCode: "V19.5" })] })).json.errors).toEqual(["Factuurregel 1: ongeldige btw-code 'V19.5'"]);
    expect((await add({ InvoiceLines: [line({ PriceExcl: "12,40,1" })] })).json.errors).toEqual(["Invalid type for 'InvoiceLines[0].PriceExcl'"]);
    expect((await add({ InvoiceLines: [line({ ReferenceNumber: "x" })] })).json.errors).toEqual(["Invalid parameter 'InvoiceLines[0].ReferenceNumber'"]);
    expect((await add({ LanguageCode: "fr_fr" })).json.errors).toEqual(["Ongeldige taal/huisstijl 'fr_fr'"]);
    expect((await add({ Date: "2024-02-30", VatCalcMethod: "both", Status: 7 })).json.errors)
      .toEqual(["Ongeldige factuurdatum '2024-02-30'", "VatCalcMethod moet 'excl' of 'incl' zijn", "Ongeldige status '7'"]);
    expect((await add({ Identifier: 1 })).json.errors).toEqual(["Een Identifier is niet toegestaan voor deze actie"]);
    expect((await add({ InvoiceLines: [line({ ProductCode: "GEEN" })] })).json.errors).toEqual(["Factuurregel 1: product 'GEEN' niet gevonden"]);
    expect((await state()).invoices).toHaveLength(0);
  });

  it("sendbyemail finalises a draft (real number, status 2, Sent 1); without an email address it refuses", async () => {
    const debtor = await addDebtor();
    const draft = (await api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, Date: "2025-01-02", InvoiceLines: [line()] })).json.invoice as { Identifier: number };
    const sent = (await api(TENANT, { controller: "invoice", action: "sendbyemail", Identifier: draft.Identifier })).json;
    expect(sent).toMatchObject({ success: ["Factuur F2025-0001 is per e-mail verzonden naar jan@example.nl."], invoice: { InvoiceCode: "F2025-0001", Status: "2", Sent: "1", AmountOutstanding: "24.95" } });
    const silent = await addDebtor({ EmailAddress: "" });
    const other = (await api(TENANT, { controller: "invoice", action: "add", Debtor: silent.Identifier, InvoiceLines: [line()] })).json.invoice as { Identifier: number; InvoiceCode: string };
    expect((await api(TENANT, { controller: "invoice", action: "sendbyemail", Identifier: other.Identifier })).json.errors)
      .toEqual([`Factuur ${other.InvoiceCode} kan niet per e-mail worden verzonden: er is geen e-mailadres bekend`]);
  });

  it("list searches any invoice field as a substring (rows without lines or comment); show gives the whole invoice; an unknown search field is refused", async () => {
    const debtor = await addDebtor();
    for (const ref of ["K-invoice-1", "K-invoice-12"]) {
      await api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, Comment: `[ref:${ref}]`, InvoiceLines: [line()] });
    }
    const hits = (await api(TENANT, { controller: "invoice", action: "list", searchat: "Comment", searchfor: "[ref:K-invoice-1", sort: "Identifier", order: "DESC" })).json;
    expect((hits.invoices as { Identifier: number }[]).map((i) => i.Identifier)).toEqual([2, 1]);
    expect((hits.invoices as object[])[0]).not.toHaveProperty("Comment");
    expect((await api(TENANT, { controller: "invoice", action: "show", Identifier: 2 })).json.invoice).toMatchObject({ Comment: "[ref:K-invoice-12]", InvoiceLines: [{ Description: "Theepot", TaxPercentage: "21" }] });
    expect((await api(TENANT, { controller: "invoice", action: "show", Identifier: 99 })).json.errors).toEqual(["Factuur niet gevonden"]);
    expect((await api(TENANT, { controller: "invoice", action: "list", searchat: "Opmerking", searchfor: "x" })).json.errors).toEqual(["Ongeldig zoekveld 'Opmerking'"]);
  });
});

describe("invoice payments (markaspaid, partpayment)", () => {
  const line = () => ({ Number: "1", Description: "Theepot", PriceExcl: "20.62", TaxCode: "V21" });
  const sentInvoice = async () => {
    const debtor = await addDebtor();
    return (await api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, Date: "2024-03-01", Status: 2, InvoiceLines: [line()] })).json.invoice as { Identifier: number; InvoiceCode: string };
  };
  const show = async (Identifier: number) => (await api(TENANT, { controller: "invoice", action: "show", Identifier })).json.invoice as InvoiceJson;

  it("part payments make the invoice partly paid (3), the one that clears the balance paid (4); state lists each", async () => {
    const invoice = await sentInvoice();
    const part = await api(TENANT, { controller: "invoice", action: "partpayment", Identifier: invoice.Identifier, AmountPaid: "10", PayDate: "2024-03-05", PaymentMethod: "ideal" });
    expect(part.json).toMatchObject({ status: "success", success: [`Deelbetaling van 10.00 is geregistreerd voor factuur ${invoice.InvoiceCode}`] });
    expect(await show(invoice.Identifier)).toMatchObject({ Status: "3", AmountPaid: "10.00", AmountOutstanding: "14.95", PayDate: "2024-03-05", PaymentMethod: "ideal" });
    expect((await api(TENANT, { controller: "invoice", action: "partpayment", InvoiceCode: invoice.InvoiceCode, AmountPaid: "14.95" })).json.status).toBe("success");
    expect(await show(invoice.Identifier)).toMatchObject({ Status: "4", AmountPaid: "24.95", AmountOutstanding: "0.00" });
    expect((await state()).payments).toEqual([
      { Invoice: invoice.Identifier, InvoiceCode: invoice.InvoiceCode, Action: "partpayment", Amount: "10.00", PayDate: "2024-03-05", PaymentMethod: "ideal" },
      { Invoice: invoice.Identifier, InvoiceCode: invoice.InvoiceCode, Action: "partpayment", Amount: "14.95", PayDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), PaymentMethod: "" },
    ]);
  });

  it("markaspaid pays what is outstanding; a paid invoice cannot be marked paid again", async () => {
    const invoice = await sentInvoice();
    await api(TENANT, { controller: "invoice", action: "partpayment", Identifier: invoice.Identifier, AmountPaid: "4.95" });
    expect((await api(TENANT, { controller: "invoice", action: "markaspaid", Identifier: invoice.Identifier, PayDate: "2024-03-06", PaymentMethod: "wire" })).json).toMatchObject({ status: "success", success: [`Factuur ${invoice.InvoiceCode} is als betaald gemarkeerd`] });
    expect(await show(invoice.Identifier)).toMatchObject({ Status: "4", AmountPaid: "24.95", AmountOutstanding: "0.00", PayDate: "2024-03-06", PaymentMethod: "wire" });
    expect((await api(TENANT, { controller: "invoice", action: "markaspaid", Identifier: invoice.Identifier })).json.errors).toEqual([`Factuur ${invoice.InvoiceCode} is al betaald`]);
    expect((await state()).payments).toHaveLength(2);
  });

  it("refuses drafts, credit invoices, too much, nothing, unknown methods and parameters, and unknown invoices", async () => {
    const debtor = await addDebtor();
    const draft = (await api(TENANT, { controller: "invoice", action: "add", Debtor: debtor.Identifier, InvoiceLines: [line()] })).json.invoice as { Identifier: number; InvoiceCode: string };
    expect((await api(TENANT, { controller: "invoice", action: "markaspaid", Identifier: draft.Identifier })).json.errors)
      .toEqual([`Factuur ${draft.InvoiceCode} is een conceptfactuur; een betaling kan pas worden geregistreerd als de factuur is verzonden`]);
    const invoice = await sentInvoice();
    const pay = (fields: Record<string, unknown>) => api(TENANT, { controller: "invoice", action: "partpayment", Identifier: invoice.Identifier, ...fields });
    expect((await pay({ AmountPaid: "25.00" })).json.errors).toEqual([`Het betaalde bedrag 25.00 is hoger dan het openstaande bedrag 24.95 van factuur ${invoice.InvoiceCode}`]);
    expect((await pay({ AmountPaid: "-5" })).json.errors).toEqual(["Het betaalde bedrag moet groter zijn dan 0"]);
    expect((await pay({})).json.errors).toEqual(["Het betaalde bedrag (AmountPaid) is verplicht"]);
    expect((await pay({ AmountPaid: "5", PaymentMethod: "iDEAL" })).json.errors).toEqual(["Ongeldige betaalmethode 'iDEAL'"]);
    expect((await pay({ AmountPaid: "5", TransactionID: "tr_1" })).json.errors).toEqual(["Invalid parameter 'TransactionID'"]);
    expect((await api(TENANT, { controller: "invoice", action: "markaspaid", Identifier: 999 })).json.errors).toEqual(["Factuur niet gevonden"]);
    const credit = (await api(TENANT, { controller: "invoice", action: "credit", Identifier: invoice.Identifier })).json.invoice as { Identifier: number };
    for (const Identifier of [invoice.Identifier, credit.Identifier]) {
      expect(String((await api(TENANT, { controller: "invoice", action: "markaspaid", Identifier })).json.errors)).toMatch(/creditfactuur of gecrediteerd/);
    }
    expect((await state()).payments).toEqual([]);
  });
});

describe("admin hooks and faults", () => {
  it("reset empties business data, keeps the API key and restores the reference data; state exports WeFact's JSON", async () => {
    await addDebtor();
    expect((await state()).contacts).toHaveLength(1);
    expect((await admin(TENANT, "POST", "reset")).status).toBe(204);
    expect(await state()).toEqual({ contacts: [], products: [], invoices: [], mutations: [], payments: [] });
    expect(await (await admin(TENANT, "GET", "requests")).json()).toEqual([]);
    expect((await api(TENANT, { controller: "settings", action: "list" })).json.status).toBe("success");
    expect(await (await admin(TENANT, "GET", "requests")).json()).toEqual([{ method: "POST", path: "/v2", status: 200, at: expect.any(String) }]);
  });

  it("injected 5xx and 429 are retryable ConnectorErrors, then the API recovers", async () => {
    await admin(TENANT, "POST", "faults", { failNext: 1, status: 503 });
    expect(await caught(client().settings())).toMatchObject({ code: "server_error", retryable: true });
    await admin(TENANT, "POST", "faults", { failNext: 1, status: 429 });
    expect(await caught(client().settings())).toMatchObject({ code: "rate_limited", retryable: true });
    expect((await client().settings()).Tax?.Codes?.Sale.length).toBeGreaterThan(3);
  });

  it("timeoutNext: the call is carried out, then its answer is lost until the client gives up", async () => {
    const debtor = await addDebtor();
    await admin(TENANT, "POST", "faults", { timeoutNext: 1 });
    const impatient = client(TENANT, 300);
    const e = await caught(impatient.addInvoice({ Debtor: String(debtor.Identifier), InvoiceLines: [{ Number: "1", Description: "Theepot", PriceExcl: "20.62", TaxCode: "V21" }] } as never));
    expect(e).toMatchObject({ code: "timeout", retryable: true });
    expect((await state()).invoices).toHaveLength(1); // booked, answer lost
    expect(await client().settings()).toBeTruthy(); // only the next call hung
  });
});

describe("wizard setup (API key form, administration, catalog)", () => {
  const baseUrl = sandboxCtx(TENANT).baseUrl;

  it("the API key field explains the IP whitelist and shows our outgoing IPs from OUTGOING_IPS", () => {
    vi.stubEnv("OUTGOING_IPS", "85.10.150.5,85.10.143.192");
    try {
      const [field] = wefactSetup.credentialForm!.fields;
      expect(field).toMatchObject({ name: "apiKey", secret: true });
      expect(field!.help).toContain("Instellingen → API");
      expect(field!.help).toContain("85.10.150.5 and 85.10.143.192");
      expect(field!.help).toMatch(/whitelist/i);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("connect checks the key with one call and returns what to store; a wrong key or IP is explained", async () => {
    const connect = (apiKey: string) => wefactSetup.credentialForm!.connect({ baseUrl, values: { apiKey }, fetch: sandboxFetch });
    expect(await connect(` ${sandboxApiKey(TENANT)} `)).toEqual({ apiKey: sandboxApiKey(TENANT) });
    expect(await caught(connect("wrong"))).toMatchObject({ code: "unauthorized" });
    expect(await caught(connect(""))).toMatchObject({ code: "config_invalid" });
    await admin(TENANT, "POST", "ip-whitelist", { ips: ["85.10.150.5"] });
    try {
      expect((await caught(connect(sandboxApiKey(TENANT)))).message).toMatch(/IP 127\.0\.0\.1 has no access to API.*Instellingen → API/);
    } finally {
      await admin(TENANT, "POST", "ip-whitelist", { ips: [] });
    }
  });

  it("one administration per key; catalog: the sale VAT codes with rates, no ledger accounts, the layouts", async () => {
    const ctx = { baseUrl, credentials: { apiKey: sandboxApiKey(TENANT) }, onCredentials: async () => {}, fetch: sandboxFetch };
    const administrations = await wefactSetup.listAdministrations(ctx);
    expect(administrations).toEqual([{ id: "wefact", name: `WeFact – Standaard huisstijl (API key …${sandboxApiKey(TENANT).slice(-4)})` }]);
    const catalog = await wefactSetup.catalog(ctx, "wefact");
    expect(catalog.vatCodes.slice(0, 3)).toEqual([
      { id: "V21", name: "21% btw (V21)", rate: "21", scope: "domestic" },
      { id: "V9", name: "9% btw (V9)", rate: "9", scope: "domestic" },
      { id: "V0", name: "0% btw (V0)", rate: "0", scope: "zero" },
    ]);
    expect(catalog.vatCodes.find((c) => c.id === "V19")).toMatchObject({ rate: "19" });
    expect(catalog.accounts).toEqual([]);
    expect(catalog.templates).toEqual([{ id: "nl_nl", name: "Standaard huisstijl (default)" }, { id: "en_gb", name: "English invoices" }]);
    expect(APP_URL).toBe("http://app.test");
  });
});
