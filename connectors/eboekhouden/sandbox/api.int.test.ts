import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { SOAP_ERROR } from "../soap-errors";
import { envelope } from "../soap-client";
import { elements, parseXml, path, textOf, childrenNamed } from "../xml";
import { sandboxApiToken, sandboxLedgerId, sandboxLegacyCredentials } from "./seed";
import { admin, baseUrl, rest, restSession, sandboxFetch, state } from "./testing";

const TENANT = "api-acme";
let t: TestDb;
let token: string;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  token = await restSession(TENANT);
});
afterAll(async () => { setDb(undefined); await t.close(); });

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
const session = (body: unknown) => sandboxFetch(`${baseUrl(TENANT)}/v1/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function soap(op: string, params: [string, unknown][], headers: Record<string, string> = {}) {
  const res = await sandboxFetch(`${baseUrl(TENANT)}/soap.asmx`, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"http://www.e-boekhouden.nl/soap/${op}"`, ...headers },
    body: envelope(op, elements(params as [string, string][])),
  });
  const doc = parseXml(await res.text());
  const result = path(doc, "Body", `${op}Response`, `${op}Result`);
  return { status: res.status, doc, result, code: textOf(path(result, "ErrorMsg"), "LastErrorCode") };
}
const legacy = sandboxLegacyCredentials(TENANT);
async function soapSession() {
  const { result } = await soap("OpenSession", [["Username", legacy.username], ["SecurityCode1", legacy.securityCode1], ["SecurityCode2", legacy.securityCode2], ["Source", "Tests"]]);
  return textOf(result, "SessionID")!;
}

describe("REST sessions (reference §2.A)", () => {
  it("refuses a session with the real error codes", async () => {
    expect((await json(await session({ accessToken: "x" }))).body).toMatchObject({ status: 400, code: "API_SESSION_001" });
    expect((await json(await session({ accessToken: "x", source: "Far too long a source" }))).body).toMatchObject({ code: "API_SESSION_002" });
    expect((await json(await session({ source: "Tests" }))).body).toMatchObject({ code: "API_SESSION_003" });
    expect((await session({ accessToken: "wrong", source: "Tests" })).status).toBe(401);
  });

  it("gives a session token; requests need it in Authorization (raw or Bearer), else 401 SECURITY_010", async () => {
    const res = await json(await session({ accessToken: sandboxApiToken(TENANT), source: "Tests" }));
    expect(res.body).toEqual({ token: expect.any(String), expiresIn: 3600 });
    expect((await rest(TENANT, `Bearer ${res.body.token as string}`, "GET", "/administration")).status).toBe(200);
    const denied = await json(await rest(TENANT, "nope", "GET", "/administration"));
    expect(denied).toMatchObject({ status: 401, body: { type: expect.any(String), title: expect.any(String), status: 401, code: "SECURITY_010" } });
  });

  it("DELETE /v1/session ends the session; expired sessions and an expired token are refused", async () => {
    const own = await restSession(TENANT);
    expect((await rest(TENANT, own, "DELETE", "/session")).status).toBe(204);
    expect((await rest(TENANT, own, "GET", "/ledger")).status).toBe(401);
    const other = await restSession(TENANT);
    await admin(TENANT, "POST", "expire-sessions");
    expect((await rest(TENANT, other, "GET", "/ledger")).status).toBe(401);
    token = await restSession(TENANT);
  });
});

describe("REST conventions", () => {
  it("pages with limit/offset and {items, count}; refuses out-of-range paging", async () => {
    const all = await json(await rest(TENANT, token, "GET", "/ledger"));
    const count = all.body.count as number;
    expect(count).toBeGreaterThan(20);
    const second = await json(await rest(TENANT, token, "GET", "/ledger?limit=5&offset=5"));
    expect(second.body.count).toBe(count);
    expect((second.body.items as unknown[]).length).toBe(5);
    expect((await json(await rest(TENANT, token, "GET", "/ledger?limit=0"))).body).toMatchObject({ code: "PAGE_001" });
    expect((await json(await rest(TENANT, token, "GET", "/ledger?limit=2001"))).body).toMatchObject({ code: "PAGE_001" });
    expect((await json(await rest(TENANT, token, "GET", "/ledger?offset=-1"))).body).toMatchObject({ code: "PAGE_002" });
  });

  it("filters with ?param[op]=value", async () => {
    const byCode = await json(await rest(TENANT, token, "GET", "/ledger?code=8000"));
    expect(byCode.body.items).toEqual([{ id: sandboxLedgerId("8000"), code: "8000", description: "Omzet hoog", category: "VW", group: "Omzet" }]);
    const fin = await json(await rest(TENANT, token, "GET", "/ledger?category=FIN"));
    expect((fin.body.items as { code: string }[]).map((l) => l.code)).toEqual(["1000", "1100", "1110"]);
    const like = await json(await rest(TENANT, token, "GET", "/ledger?code[like]=80%25"));
    expect((like.body.items as { code: string }[]).map((l) => l.code)).toEqual(["8000", "8010", "8020"]);
    const templates = await json(await rest(TENANT, token, "GET", "/invoicetemplate?active=true"));
    expect((templates.body.items as { name: string }[]).map((x) => x.name)).toEqual(["Standaard", "Invoice template"]);
  });

  it("reads JSON numbers only, and names the property it refuses", async () => {
    const res = await json(await rest(TENANT, token, "POST", "/mutation", { type: 2, date: "2024-01-01", ledgerId: sandboxLedgerId("1300"), relationId: 1, invoiceNumber: "X1", inExVat: "EX", rows: [{ ledgerId: sandboxLedgerId("8000"), vatCode: "HOOG_VERK_21", amount: "10.00" }] }));
    expect(res).toMatchObject({ status: 400, body: { code: "ERR_002", propertyName: "rows[0].amount" } });
    expect((await json(await rest(TENANT, token, "POST", "/mutation", "{not json"))).body).toMatchObject({ code: "ERR_002" });
    expect((await json(await rest(TENANT, token, "POST", "/mutation", ""))).body).toMatchObject({ code: "DATA_01" });
  });
});

describe("bookkeeping through REST", () => {
  let relationId: number;
  const sale = (invoiceNumber: string, inExVat: "IN" | "EX", amount: number, extra: Record<string, unknown> = {}) => ({
    type: 2, date: "2024-03-02", ledgerId: sandboxLedgerId("1300"), relationId, invoiceNumber, termOfPayment: 14, inExVat, description: "test",
    rows: [{ ledgerId: sandboxLedgerId("8000"), vatCode: "HOOG_VERK_21", amount }], ...extra,
  });

  it("creates a relation (201 {id, code}) and refuses a taken code with REL_049", async () => {
    const res = await json(await rest(TENANT, token, "POST", "/relation", { type: "P", code: "Api1", name: "Api Tester", emailAddress: "api@example.nl" }));
    expect(res).toMatchObject({ status: 201, body: { id: expect.any(Number), code: "Api1" } });
    relationId = res.body.id as number;
    expect((await json(await rest(TENANT, token, "POST", "/relation", { code: "API1", name: "Other" }))).body).toMatchObject({ code: "REL_049" });
    expect((await json(await rest(TENANT, token, "POST", "/relation", { code: "Api2" }))).body).toMatchObject({ code: "REL_002" });
    expect((await json(await rest(TENANT, token, "GET", "/relation?email=API@example.nl"))).body.items).toEqual([{ id: relationId, type: "P", code: "Api1" }]);
  });

  it("computes VAT per row from the amount as entered (IN or EX)", async () => {
    const incl = await json(await rest(TENANT, token, "POST", "/mutation", sale("A-1", "IN", 24.95)));
    expect(incl.status).toBe(201);
    const m = await json(await rest(TENANT, token, "GET", `/mutation/${incl.body.id as number}`));
    expect(m.body).toMatchObject({ type: 2, inExVat: "IN", rows: [{ amount: 24.95, vatAmount: 4.33 }], vat: [{ vatCode: "HOOG_VERK_21", amount: 4.33 }] });
    const excl = await json(await rest(TENANT, token, "POST", "/mutation", sale("A-2", "EX", 20.62)));
    expect((await json(await rest(TENANT, token, "GET", `/mutation/${excl.body.id as number}`))).body).toMatchObject({ rows: [{ amount: 20.62, vatAmount: 4.33 }] });
  });

  it("refuses a sales invoice number twice (MUT_019), purchase codes (MUT_111), a financial ledger on a row (MUT_106), a payment term on a payment (MUT_016)", async () => {
    expect((await json(await rest(TENANT, token, "POST", "/mutation", sale("A-1", "IN", 1)))).body).toMatchObject({ status: 400, code: "MUT_019", propertyName: "invoiceNumber" });
    expect((await json(await rest(TENANT, token, "POST", "/mutation", sale("A-3", "IN", 1, { rows: [{ ledgerId: sandboxLedgerId("8000"), vatCode: "HOOG_INK_21", amount: 1 }] })))).body).toMatchObject({ code: "MUT_111" });
    expect((await json(await rest(TENANT, token, "POST", "/mutation", sale("A-3", "IN", 1, { rows: [{ ledgerId: sandboxLedgerId("1100"), vatCode: "HOOG_VERK_21", amount: 1 }] })))).body).toMatchObject({ code: "MUT_106" });
    const payment = { type: 3, date: "2024-03-05", ledgerId: sandboxLedgerId("1100"), relationId, inExVat: "IN", termOfPayment: 14, rows: [{ invoiceNumber: "A-1", vatCode: "GEEN", amount: 24.95 }] };
    expect((await json(await rest(TENANT, token, "POST", "/mutation", payment))).body).toMatchObject({ code: "MUT_016" });
  });

  it("lists open items and closes them with a payment on the invoice number", async () => {
    const open = await json(await rest(TENANT, token, "GET", "/mutation/invoice/outstanding?credDeb=D&invoiceNumber=A-1"));
    expect(open.body.items).toEqual([expect.objectContaining({ invoiceNumber: "A-1", relationCode: "Api1", totalAmount: 24.95, paidAmount: 0, outstandingAmount: 24.95 })]);
    const paid = await rest(TENANT, token, "POST", "/mutation", { type: 3, date: "2024-03-05", ledgerId: sandboxLedgerId("1100"), relationId, inExVat: "IN", rows: [{ invoiceNumber: "A-1", vatCode: "GEEN", amount: 24.95 }] });
    expect(paid.status).toBe(201);
    expect((await json(await rest(TENANT, token, "GET", "/mutation/invoice/outstanding?credDeb=D&invoiceNumber=A-1"))).body.items).toEqual([]);
    expect((await json(await rest(TENANT, token, "POST", "/mutation", { type: 3, date: "2024-03-05", ledgerId: sandboxLedgerId("1100"), relationId, inExVat: "IN", rows: [{ invoiceNumber: "NOPE-1", vatCode: "GEEN", amount: 1 }] }))).body).toMatchObject({ code: "MUT_115" });
  });

  it("invoices: template by id (FACT_018), numbers in use (FACT_101) and ending in a digit (FACT_009), e-Boekhouden's own numbers, a mutation on request", async () => {
    const invoice = (extra: Record<string, unknown>) => ({
      relationId, templateId: 40101, termOfPayment: 14, date: "2024-03-06", inExVat: "EX",
      items: [{ description: "Thee", quantity: 3, pricePerUnit: 5.487, vatCode: "LAAG_VERK_9", ledgerId: sandboxLedgerId("8010") }], ...extra,
    });
    expect((await json(await rest(TENANT, token, "POST", "/invoice", invoice({ templateId: 1 })))).body).toMatchObject({ code: "FACT_018" });
    expect((await json(await rest(TENANT, token, "POST", "/invoice", invoice({ invoiceNumber: "A-1" })))).body).toMatchObject({ code: "FACT_101" });
    expect((await json(await rest(TENANT, token, "POST", "/invoice", invoice({ invoiceNumber: "INV-A" })))).body).toMatchObject({ code: "FACT_009" });
    const made = await json(await rest(TENANT, token, "POST", "/invoice", invoice({ reference: "ORD1", mutation: { description: "ORD1 - iDEAL", ledgerId: sandboxLedgerId("1300") } })));
    expect(made).toMatchObject({ status: 201, body: { id: expect.any(Number), invoiceNumber: "F00001", inExVat: "EX" } });
    const full = await json(await rest(TENANT, token, "GET", `/invoice/${made.body.id as number}`));
    expect(full.body).toMatchObject({ totalExcl: 16.46, vatAmount: 1.48, totalAmount: 17.94, reference: "ORD1" });
    const booked = (await state(TENANT)).mutations.find((m) => m.invoiceNumber === "F00001");
    expect(booked).toMatchObject({ type: 2, description: "ORD1 - iDEAL", rows: [{ amount: 16.46, vatAmount: 1.48 }] });
    expect((await json(await rest(TENANT, token, "GET", `/invoice?relationId=${relationId}&date=2024-03-06`))).body.items).toEqual([expect.objectContaining({ reference: "ORD1", invoiceNumber: "F00001" })]);
  });
});

describe("SOAP (reference §2.B)", () => {
  it("OpenSession refuses wrong codes in ErrorMsg with HTTP 200, opens a session otherwise", async () => {
    const wrong = await soap("OpenSession", [["Username", legacy.username], ["SecurityCode1", "nope"], ["SecurityCode2", legacy.securityCode2], ["Source", "Tests"]]);
    expect(wrong.status).toBe(200);
    expect(wrong.code).toBe(SOAP_ERROR.login);
    expect(textOf(path(wrong.result, "ErrorMsg"), "LastErrorDescription")).toMatch(/onjuist/);
    expect(await soapSession()).toMatch(/^[0-9A-F]{32}$/);
  });

  it("every other call needs the SessionID and SecurityCode2", async () => {
    expect((await soap("GetAdministraties", [["SessionID", "unknown"], ["SecurityCode2", legacy.securityCode2]])).code).toBe(SOAP_ERROR.session);
    const id = await soapSession();
    expect((await soap("GetAdministraties", [["SessionID", id], ["SecurityCode2", "wrong"]])).code).toBe(SOAP_ERROR.securityCode2);
    const ok = await soap("GetAdministraties", [["SessionID", id], ["SecurityCode2", legacy.securityCode2]]);
    expect(ok.code).toBe("");
    expect(textOf(path(ok.result, "Administraties", "cAdministratie"), "Bedrijf")).toBe(`Sandbox administratie ${TENANT}`);
    await soap("CloseSession", [["SessionID", id]]);
    expect((await soap("GetAdministraties", [["SessionID", id], ["SecurityCode2", legacy.securityCode2]])).code).toBe(SOAP_ERROR.session);
  });

  it("answers a malformed envelope and an unknown SOAPAction with a SOAP Fault (500)", async () => {
    const res = await sandboxFetch(`${baseUrl(TENANT)}/soap.asmx`, { method: "POST", headers: { "Content-Type": "text/xml", SOAPAction: '"http://www.e-boekhouden.nl/soap/GetRelaties"' }, body: "<soap:Envelope><soap:Body>" });
    expect(res.status).toBe(500);
    expect(textOf(path(parseXml(await res.text()), "Body", "Fault"), "faultcode")).toBe("soap:Client");
    const wrongAction = await soap("GetRelaties", [], { SOAPAction: '"http://www.e-boekhouden.nl/soap/Nope"' });
    expect(wrongAction.status).toBe(500);
  });

  it("shares one administration with the REST API; refuses a sales number twice and amounts that do not add up", async () => {
    const id = await soapSession();
    const auth: [string, string][] = [["SessionID", id], ["SecurityCode2", legacy.securityCode2]];
    const relations = await soap("GetRelaties", [...auth, ["cFilter", elements([["Code", "Api1"]])]]);
    expect(textOf(path(relations.result, "Relaties", "cRelatie"), "Email")).toBe("api@example.nl");
    const mutation = (number: string, excl: string, vat: string, incl: string) => [...auth, ["oMut", elements([
      ["Soort", "FactuurVerstuurd"], ["Datum", "2024-03-07T00:00:00"], ["Rekening", "1300"], ["RelatieCode", "Api1"], ["Factuurnummer", number], ["Omschrijving", "soap"],
      ["Betalingstermijn", "14"], ["InExBTW", "EX"], ["MutatieRegels", elements([["cMutatieRegel", elements([
        ["BedragInvoer", excl], ["BedragExclBTW", excl], ["BedragBTW", vat], ["BedragInclBTW", incl], ["BTWCode", "HOOG_VERK_21"], ["BTWPercentage", "21"], ["TegenrekeningCode", "8000"],
      ])]])],
    ])]] as [string, unknown][];
    const added = await soap("AddMutatie", mutation("S-1", "10.00", "2.10", "12.10"));
    expect(added.code).toBe("");
    expect(Number(textOf(added.result, "Mutatienummer"))).toBeGreaterThan(0);
    expect((await soap("AddMutatie", mutation("S-1", "10.00", "2.10", "12.10"))).code).toBe(SOAP_ERROR.invoiceExists);
    expect((await soap("AddMutatie", mutation("A-1", "10.00", "2.10", "12.10"))).code).toBe(SOAP_ERROR.invoiceExists); // booked through REST
    expect((await soap("AddMutatie", mutation("S-2", "10.00", "2.11", "12.10"))).code).toBe(SOAP_ERROR.validation);
    const viaRest = await json(await rest(TENANT, token, "GET", "/mutation?invoiceNumber=S-1"));
    expect(viaRest.body.items).toEqual([expect.objectContaining({ type: 2, invoiceNumber: "S-1", amount: 12.1 })]);
    const listed = await soap("GetMutaties", [...auth, ["cFilter", elements([["Factuurnummer", "A-1"], ["DatumVan", "2024-01-01T00:00:00"], ["DatumTm", "2024-12-31T00:00:00"]])]]);
    const kinds = childrenNamed(path(listed.result, "Mutaties"), "cMutatieList").map((m) => textOf(m, "Soort"));
    expect(kinds).toEqual(["FactuurVerstuurd", "FactuurbetalingOntvangen"]);
  });
});

describe("admin hooks (contracts/sandbox.md)", () => {
  it("faults: failNext answers with the API's error shape; requests are logged", async () => {
    await admin(TENANT, "POST", "faults", { failNext: 1, status: 503 });
    const failed = await rest(TENANT, token, "GET", "/ledger");
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ status: 503, code: "ERR_001" });
    expect((await rest(TENANT, token, "GET", "/ledger")).status).toBe(200);
    const log = (await (await admin(TENANT, "GET", "requests")).json()) as { method: string; path: string; status: number }[];
    expect(log.slice(-2).map((r) => r.status)).toEqual([503, 200]);
  });

  it("lose-answers: the write is carried out, the answer is a 504", async () => {
    await admin(TENANT, "POST", "lose-answers", { count: 1 });
    const lost = await rest(TENANT, token, "POST", "/relation", { code: "Lost1", name: "Lost" });
    expect(lost.status).toBe(504);
    expect((await state(TENANT)).contacts.some((c) => c.code === "Lost1")).toBe(true);
    expect((await rest(TENANT, token, "POST", "/relation", { code: "Lost2", name: "Found" })).status).toBe(201);
  });

  it("state exports what was booked in the REST JSON; reset empties it and keeps the credentials", async () => {
    const before = await state(TENANT);
    expect(before.mutations.length).toBeGreaterThan(2);
    expect(before.payments.every((p) => p.type === 3)).toBe(true);
    expect((await admin(TENANT, "POST", "reset")).status).toBe(204);
    expect(await state(TENANT)).toEqual({ contacts: [], products: [], invoices: [], mutations: [], payments: [] });
    expect((await rest(TENANT, token, "GET", "/ledger?code=8000")).status).toBe(200);
    expect(await soapSession()).toBeTruthy();
  });
});
