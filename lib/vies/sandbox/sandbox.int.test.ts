import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";

/** The VIES simulator over raw HTTP, as any client (ours or an outside test) sees it. */
const BASE = "http://app.test/sandbox/vies/raw";
const API = `${BASE}/taxation_customs/vies/rest-api`;
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const post = (url: string, body: unknown) => inProcessSandboxFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("VIES sandbox", () => {
  it("answers check-vat-number in VIES's CheckVatResponse shape", async () => {
    const res = await post(`${API}/check-vat-number`, { countryCode: "NL", vatNumber: "800000018B01" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      countryCode: "NL",
      vatNumber: "800000018B01",
      valid: true,
      requestIdentifier: "",
      name: "VOORBEELD GROOTHANDEL B.V.",
      traderNameMatch: "NOT_PROCESSED",
    });
    expect(body.requestDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("answers '---' for name and address of an invalid number", async () => {
    const body = await (await post(`${API}/check-vat-number`, { countryCode: "NL", vatNumber: "800000019B01" })).json();
    expect(body).toMatchObject({ valid: false, name: "---", address: "---" });
  });

  it.each([
    [{ countryCode: "GR", vatNumber: "094014201" }, "INVALID_INPUT"], // VIES knows Greece only as EL
    [{ countryCode: "NL", vatNumber: "" }, "INVALID_INPUT"],
    [{ vatNumber: "800000018B01" }, "INVALID_INPUT"],
    ["not json", "INVALID_INPUT"],
    [{ countryCode: "NL", vatNumber: "800000018B01", requesterMemberStateCode: "NL", requesterNumber: "123" }, "INVALID_REQUESTER_INFO"],
  ])("refuses %j with %s", async (body, error) => {
    const res = await post(`${API}/check-vat-number`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ actionSucceed: false, errorWrappers: [{ error }] });
  });

  it("answers the test service's numbers like VIES does", async () => {
    const ask = async (vatNumber: string) => {
      const res = await post(`${API}/check-vat-test-service`, { countryCode: "DE", vatNumber });
      const body = await res.json();
      return [res.status, body.valid ?? body.errorWrappers[0].error];
    };
    expect(await ask("100")).toEqual([200, true]);
    expect(await ask("200")).toEqual([200, false]);
    expect(await ask("201")).toEqual([400, "INVALID_INPUT"]);
    expect(await ask("301")).toEqual([500, "MS_UNAVAILABLE"]);
    expect(await ask("600")).toEqual([500, "MS_MAX_CONCURRENT_REQ"]);
  });

  it("reports every member state available on check-status", async () => {
    const body = await (await inProcessSandboxFetch(`${API}/check-status`)).json();
    expect(body.vow).toEqual({ available: true });
    expect(body.countries).toHaveLength(28);
    expect(body.countries).toContainEqual({ countryCode: "XI", availability: "Available" });
  });

  it("answers unknown paths with the EC's HTML 404 page and wrong methods with 405", async () => {
    const missing = await inProcessSandboxFetch(`${API}/check-vat`, { method: "POST" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    const wrongMethod = await inProcessSandboxFetch(`${API}/check-vat-number`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("answers injected faults in VIES's error shape", async () => {
    await post(`${BASE}/_admin/faults`, { failNext: 1, status: 500 });
    const res = await post(`${API}/check-vat-number`, { countryCode: "NL", vatNumber: "800000018B01" });
    expect(res.status).toBe(500);
    expect((await res.json()).errorWrappers[0].error).toBe("SERVICE_UNAVAILABLE");
  });

  it("refuses admin registrations without a VIES country or with a non-boolean valid", async () => {
    expect((await post(`${BASE}/_admin/numbers`, { vatNumber: "123456789" })).status).toBe(400);
    expect((await post(`${BASE}/_admin/numbers`, { vatNumber: "GB980780684" })).status).toBe(400);
    expect((await post(`${BASE}/_admin/numbers`, { vatNumber: "NL123456782B01", valid: "yes" })).status).toBe(400);
    expect((await post(`${BASE}/_admin/unknown`, {})).status).toBe(404);
  });

  it("is mounted by the app's sandbox dispatcher under the system id vies", async () => {
    const unknown = await inProcessSandboxFetch("http://app.test/sandbox/viesx/raw/taxation_customs/vies/rest-api/check-status");
    expect((await unknown.json()).error).toBe("unknown_system");
    expect((await inProcessSandboxFetch(`${API}/check-status`)).status).toBe(200);
  });
});
