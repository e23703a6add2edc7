import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { sandboxCredentials } from "./credentials";
import { sandboxProfileIds } from "./seed";
import type { ClientJson, InvoiceJson } from "./state";
import { admin, api, basic } from "./testing";

const T = "fs-sandbox";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { await admin(T, "POST", "reset"); await admin(T, "POST", "faults", {}); await admin(T, "POST", "activate-key"); });

const newClient = (patch: Record<string, unknown> = {}) => ({ contact: "Eva Koper", company: "Theehuis B.V.", email: "eva@theehuis.nl", country: "Netherlands", tax_type: "intax", ...patch });
async function createClient(patch: Record<string, unknown> = {}): Promise<string> {
  const res = await api(T, "POST", "clients", newClient(patch));
  expect(res.status).toBe(201);
  return res.text();
}
const invoiceBody = (clientnr: string, patch: Record<string, unknown> = {}) => ({
  clientnr, action: "send", sendmethod: "mail", sent: "2024-02-13", reference: { line1: "WEB-1001", line3: "KEY-order-1" },
  lines: { line1: { amount: "1", description: "Theepot", tax_rate: "21.00", price: "24.95" }, line2: { amount: "2", description: "Thee", tax_rate: "9.00", price: "5.98" }, line3: { amount: "1", description: "Verzendkosten", tax_rate: "21", price: "4.95" } },
  ...patch,
});
const state = async () => (await admin(T, "GET", "state")).json() as Promise<{ contacts: ClientJson[]; products: unknown[]; invoices: InvoiceJson[]; mutations: unknown[]; payments: { invoicenr: string; amount: string }[] }>;

describe("Factuursturen sandbox: auth", () => {
  it.each([
    ["no Authorization header", null, "Authorization required"],
    ["a wrong API key", basic(T, "wrong"), "Invalid username or API key"],
    ["another tenant's login", basic("other", sandboxCredentials("other").apiKey), "Invalid username or API key"],
    ["a Bearer token", "Bearer abc", "Authorization required"],
  ])("refuses %s with 401, a Basic challenge and a text body", async (_case, auth, message) => {
    const res = await api(T, "GET", "profiles", undefined, auth);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await res.text()).toBe(message);
  });

  it("a deactivated API key (revoke) is refused until it is active again", async () => {
    await admin(T, "POST", "revoke");
    expect(await (await api(T, "GET", "profiles")).text()).toBe("This API key is not active");
    await admin(T, "POST", "activate-key");
    expect((await api(T, "GET", "profiles")).status).toBe(200);
  });
});

describe("Factuursturen sandbox: reference data", () => {
  it("serves the layouts, the Dutch VAT rates and the country list, with the hourly quota header", async () => {
    const res = await api(T, "GET", "profiles");
    expect(await res.json()).toEqual([{ id: sandboxProfileIds.standard, name: "Standaard", default: "true" }, { id: sandboxProfileIds.webshop, name: "Webwinkel met logo", default: "false" }]);
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(0);
    expect(await (await api(T, "GET", "taxes")).json()).toEqual([{ percentage: "21", default: "true" }, { percentage: "9", default: "false" }, { percentage: "0", default: "false" }]);
    const nl = (await (await api(T, "GET", "countrylist")).json()) as { id: string; name: string }[];
    expect(nl.find((c) => c.id === "146")?.name).toBe("Nederland");
    const en = (await (await api(T, "GET", "countrylist/en")).json()) as { id: string; name: string }[];
    expect(en.find((c) => c.id === "146")?.name).toBe("Netherlands");
  });

  it("answers unknown paths with 404 and wrong methods with 405, as text", async () => {
    expect((await api(T, "GET", "nonsense")).status).toBe(404);
    const res = await api(T, "PATCH", "invoices");
    expect(res.status).toBe(405);
    expect(await res.text()).toBe("Method not allowed");
  });
});

describe("Factuursturen sandbox: clients", () => {
  it("creates a client (201, the number as text), shows it stringified, finds it by email", async () => {
    const nr = await createClient({ showcontact: true, tax_shifted: false, reference: { line1: "Thank you for your order" } });
    expect(nr).toBe("1");
    const { client } = (await (await api(T, "GET", `clients/${nr}`)).json()) as { client: ClientJson };
    expect(client).toMatchObject({ clientnr: "1", contact: "Eva Koper", showcontact: "true", country: "146", tax_type: "intax", tax_shifted: "false", sendmethod: "mail", paymentmethod: "bank", top: "30", reference: { line1: "Thank you for your order", line2: "", line3: "" } });
    expect(await (await api(T, "GET", "search/clients/email/EVA@theehuis.nl")).json()).toHaveLength(1);
    expect(await (await api(T, "GET", "search/clients/email/nobody@example.nl")).json()).toEqual([]);
    expect((await state()).contacts).toHaveLength(1);
  });

  it.each([
    [{ contact: "", company: "" }, "Vul een contactpersoon of een bedrijfsnaam in"],
    [{ country: "Atlantis" }, "Onbekend land: Atlantis"],
    [{ tax_type: "btw" }, "Ongeldige waarde voor tax_type: btw (toegestaan: intax, extax)"],
    [{ sendmethod: "email", email: "" }, "Voor versturen per e-mail is een e-mailadres nodig"],
    [{ favourite_colour: "blue" }, "Onbekend veld: favourite_colour"],
    [{ email: "not-an-address" }, "Ongeldig e-mailadres: not-an-address"],
  ])("refuses %j with 400: %s", async (patch, message) => {
    const res = await api(T, "POST", "clients", newClient(patch));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
    expect((await state()).contacts).toHaveLength(0);
  });

  it("takes a country by Dutch name or id, and form-encoded bodies as PHP clients send them", async () => {
    await createClient({ country: "Duitsland" });
    const res = await api(T, "POST", "clients", "contact=Jan&country=21&reference[line1]=Bedankt");
    expect(res.status).toBe(201);
    const [de, be] = (await state()).contacts;
    expect([de!.country, be!.country, be!.reference.line1]).toEqual(["80", "21", "Bedankt"]);
  });
});

describe("Factuursturen sandbox: invoices", () => {
  it("books an intax invoice: line totals, VAT per rate over the rate's sum, total, paid in full", async () => {
    const nr = await createClient();
    const res = await api(T, "POST", "invoices", invoiceBody(nr, { alreadypaid: "full", alreadypaidmethod: "iDEAL", profile: "2" }));
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("F20240001");
    const { invoice } = (await (await api(T, "GET", "invoices/F20240001")).json()) as { invoice: InvoiceJson };
    expect(invoice).toMatchObject({
      id: "20240001", invoicenr: "F20240001", clientnr: nr, profile: "2", sent: "2024-02-13", totalintax: "41.86", tax: "6.18", open: "0.00", paiddate: "2024-02-13",
      taxes: { tax1: { rate: 21, sum: "5.19", sum_of: "24.71" }, tax2: { rate: 9, sum: "0.99", sum_of: "10.97" } },
      reference: { line1: "WEB-1001", line2: "", line3: "KEY-order-1" }, duedate: "2024-03-14",
    });
    expect(invoice.lines.line2).toEqual({ amount: 2, amount_desc: "", description: "Thee", tax_rate: 9, price: 5.98, discount_pct: 0, linetotal: 11.96 });
    expect((await api(T, "GET", "invoices/20240001")).status).toBe(200);
    expect((await state()).payments).toEqual([{ invoicenr: "F20240001", amount: "41.86", date: "2024-02-13", method: "iDEAL" }]);
    expect((await state()).contacts[0]!.lastinvoice).toBe("2024-02-13");
  });

  it("reads line prices excl. VAT for an extax client; negative amounts make a credit", async () => {
    const nr = await createClient({ tax_type: "extax" });
    await api(T, "POST", "invoices", invoiceBody(nr, { lines: { line1: { amount: -1, description: "Theepot", tax_rate: 21, price: "20.62" } } }));
    const [invoice] = (await state()).invoices;
    expect(invoice).toMatchObject({ totalintax: "-24.95", tax: "-4.33", open: "-24.95", paiddate: "", taxes: { tax1: { rate: 21, sum: "-4.33", sum_of: "-20.62" } } });
  });

  it("finds an invoice by a reference line through the search, never by its lines", async () => {
    const nr = await createClient();
    await api(T, "POST", "invoices", invoiceBody(nr));
    expect(await (await api(T, "GET", "search/invoices/all/key-order-1")).json()).toHaveLength(1);
    expect(await (await api(T, "GET", "search/invoices/all/Theepot")).json()).toEqual([]);
    expect(await (await api(T, "GET", "search/invoices/all/KEY-order-2")).json()).toEqual([]);
  });

  it("lists invoices with the open/paid filter", async () => {
    const nr = await createClient();
    await api(T, "POST", "invoices", invoiceBody(nr, { alreadypaid: "full" }));
    await api(T, "POST", "invoices", invoiceBody(nr));
    expect(await (await api(T, "GET", "invoices")).json()).toHaveLength(2);
    expect((await (await api(T, "GET", "invoices?filter=paid")).json() as InvoiceJson[]).map((i) => i.invoicenr)).toEqual(["F20240001"]);
    expect((await (await api(T, "GET", "invoices?filter=open")).json() as InvoiceJson[]).map((i) => i.invoicenr)).toEqual(["F20240002"]);
  });

  it.each([
    [{ clientnr: "999" }, "Klant met klantnummer 999 bestaat niet"],
    [{ action: undefined }, "action is verplicht: send, save of repeat"],
    [{ sendmethod: undefined }, "sendmethod is verplicht bij action send: mail, email of printcenter"],
    [{ profile: "9" }, "Profiel 9 bestaat niet"],
    [{ sent: "13-02-2024" }, "Ongeldige datum (sent): 13-02-2024; gebruik JJJJ-MM-DD"],
    [{ lines: {} }, "Een factuur heeft minimaal één factuurregel nodig (lines)"],
    [{ lines: { line1: { amount: 1, description: "Zeep", tax_rate: 15, price: "2.00" } } }, "Factuurregel 1: btw-percentage 15% is niet ingesteld in uw account (ingesteld: 21%, 9%, 0%)"],
    [{ lines: { line1: { amount: 1, description: "Zeep", tax_rate: 21, price: "twee" } } }, "Factuurregel 1: ongeldige prijs (price)"],
    [{ lines: { line1: { amount: 1, description: "Zeep", tax_rate: 21, price: 2, vat: 21 } } }, "Onbekend veld in factuurregel 1: vat"],
    [{ alreadypaid: "yes" }, 'Ongeldige waarde voor alreadypaid: yes (een bedrag of "full")'],
    [{ alreadypaidmethod: "x".repeat(33) }, "alreadypaidmethod mag maximaal 32 tekens zijn"],
    [{ invoice_date: "2024-02-13" }, "Onbekend veld: invoice_date"],
  ])("refuses %j with 400: %s, booking nothing", async (patch, message) => {
    const nr = await createClient();
    const res = await api(T, "POST", "invoices", invoiceBody(nr, patch));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
    expect((await state()).invoices).toHaveLength(0);
  });

  it("refuses email sending to a client without an email address", async () => {
    const nr = await createClient({ email: "" });
    expect(await (await api(T, "POST", "invoices", invoiceBody(nr, { sendmethod: "email" }))).text()).toBe(`Klant ${nr} heeft geen e-mailadres; de factuur kan niet per e-mail worden verstuurd`);
  });

  it("saves drafts under a savename, never overwriting one unless asked", async () => {
    const nr = await createClient();
    const draft = invoiceBody(nr, { action: "save", sendmethod: undefined, savename: "KEY-order-1" });
    expect((await api(T, "POST", "invoices", draft)).status).toBe(201);
    expect(await (await api(T, "POST", "invoices", draft)).text()).toBe("Er bestaat al een opgeslagen factuur met de naam KEY-order-1");
    expect((await api(T, "POST", "invoices", { ...draft, overwrite_if_exist: true })).status).toBe(201);
    expect(await (await api(T, "GET", "invoices_saved")).json()).toHaveLength(1);
    expect((await state()).invoices).toHaveLength(0);
  });

  it("registers a payment on an invoice (invoices_payment)", async () => {
    const nr = await createClient();
    await api(T, "POST", "invoices", invoiceBody(nr));
    expect((await api(T, "POST", "invoices_payment/F20240001", { amount: "10.00", date: "2024-02-20" })).status).toBe(201);
    expect((await api(T, "PUT", "invoices_payment/F20240001", { amount: "full", date: "2024-02-21" })).status).toBe(200);
    const [invoice] = (await state()).invoices;
    expect([invoice!.open, invoice!.paiddate]).toEqual(["0.00", "2024-02-21"]);
    expect((await state()).payments.map((p) => p.amount)).toEqual(["10.00", "31.86"]);
  });

  it("refuses a payment of nothing, a negative one, more than is open, and one on an unknown invoice", async () => {
    const nr = await createClient();
    await api(T, "POST", "invoices", invoiceBody(nr));
    const pay = async (path: string, amount: unknown) => {
      const res = await api(T, "POST", path, { amount, date: "2024-02-20" });
      return [res.status, await res.text()];
    };
    expect(await pay("invoices_payment/F20240001", "0")).toEqual([400, "Het bedrag (amount) moet groter zijn dan 0"]);
    expect(await pay("invoices_payment/F20240001", "-5.00")).toEqual([400, "Het bedrag (amount) moet groter zijn dan 0"]);
    expect(await pay("invoices_payment/F20240001", "41.87")).toEqual([400, "Het bedrag 41.87 is hoger dan het openstaande bedrag 41.86 van factuur F20240001"]);
    expect((await pay("invoices_payment/F20249999", "1.00"))[0]).toBe(404);
    expect((await state()).payments).toEqual([]);
    expect((await state()).invoices[0]!.open).toBe("41.86");
  });
});

describe("Factuursturen sandbox: contract hooks", () => {
  it("state exports the contract's five lists in Factuursturen's JSON; reset empties business data, keeps the login", async () => {
    const nr = await createClient();
    await api(T, "POST", "invoices", invoiceBody(nr));
    const s = await state();
    expect(Object.keys(s).sort()).toEqual(["contacts", "invoices", "mutations", "payments", "products"]);
    expect([s.contacts.length, s.invoices.length, s.mutations.length, s.products.length]).toEqual([1, 1, 0, 0]);
    expect((await admin(T, "POST", "reset")).status).toBe(204);
    expect((await state()).invoices).toEqual([]);
    expect((await api(T, "GET", "profiles")).status).toBe(200);
    expect(await createClient()).toBe("1");
  });

  it("logs requests oldest first", async () => {
    await api(T, "GET", "profiles");
    await api(T, "GET", "nonsense");
    const log = (await (await admin(T, "GET", "requests")).json()) as { method: string; path: string; status: number }[];
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([["GET", "/api/v1/profiles", 200], ["GET", "/api/v1/nonsense", 404]]);
  });

  it("injects failures as plain-text errors (failNext), and a 429 with the quota header", async () => {
    await admin(T, "POST", "faults", { failNext: 1, status: 503 });
    const failed = await api(T, "GET", "profiles");
    expect([failed.status, await failed.text()]).toEqual([503, "Injected failure"]);
    expect((await api(T, "GET", "profiles")).status).toBe(200);
    await admin(T, "POST", "faults", { failNext: 1, status: 429 });
    const limited = await api(T, "GET", "profiles");
    expect([limited.status, limited.headers.get("x-ratelimit-remaining")]).toEqual([429, "0"]);
  });

  it("timeoutNext holds a request until the client gives up, and carries nothing out", async () => {
    const nr = await createClient();
    await admin(T, "POST", "faults", { timeoutNext: 1 });
    const { username, apiKey } = sandboxCredentials(T);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const res = await (await import("./testing")).sandboxFetch(`http://app.test/sandbox/factuursturen/${T}/api/v1/invoices`, {
      method: "POST", signal: controller.signal, headers: { Authorization: basic(username, apiKey), "Content-Type": "application/json" }, body: JSON.stringify(invoiceBody(nr)),
    });
    expect(res.status).toBe(504);
    expect((await state()).invoices).toHaveLength(0);
  });

  it("lose-answers carries the next write out and then never answers it", async () => {
    const nr = await createClient();
    await admin(T, "POST", "lose-answers", { next: 1 });
    const { username, apiKey } = sandboxCredentials(T);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const res = await (await import("./testing")).sandboxFetch(`http://app.test/sandbox/factuursturen/${T}/api/v1/invoices`, {
      method: "POST", signal: controller.signal, headers: { Authorization: basic(username, apiKey), "Content-Type": "application/json" }, body: JSON.stringify(invoiceBody(nr)),
    });
    expect(res.status).toBe(504);
    expect((await state()).invoices).toHaveLength(1);
    expect((await api(T, "POST", "invoices", invoiceBody(nr))).status).toBe(201); // only the next one
  });

  it("refuses calls past the hourly quota with 429 until the hour is over", async () => {
    await admin(T, "POST", "rate-limit", { remaining: 1 });
    const last = await api(T, "GET", "taxes");
    expect([last.status, last.headers.get("x-ratelimit-remaining")]).toEqual([200, "0"]);
    const refused = await api(T, "GET", "taxes");
    expect([refused.status, refused.headers.get("x-ratelimit-remaining")]).toEqual([429, "0"]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await admin(T, "POST", "rate-limit", { remaining: 2000 });
  });
});
