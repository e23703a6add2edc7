import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { caught } from "@/connectors/testing";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { validateVatNumber } from "@/lib/domain/vat-number";
import { checkVatNumber, type ViesCallRecord, type ViesContext } from "./client";
import { viesSandboxBaseUrl } from "./config";
import { DEREGISTERED_NUMBERS, SEEDED_NUMBERS } from "./sandbox/state";

/**
 * The real client against the VIES simulator, through the app's sandbox dispatcher served
 * in-process (the same requests as over HTTP, no network hop).
 */
const APP = "http://app.test";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

function tenant(slug: string, extra: Partial<ViesContext> = {}) {
  const base = viesSandboxBaseUrl(APP, slug);
  const calls: ViesCallRecord[] = [];
  const ctx: ViesContext = { baseUrl: base, fetch: inProcessSandboxFetch, onCall: (c) => calls.push(c), ...extra };
  const admin = (method: string, path: string, body?: unknown) =>
    inProcessSandboxFetch(`${base}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { ctx, calls, admin, check: (vatNumber: string, more: Partial<Parameters<typeof checkVatNumber>[1]> = {}) => checkVatNumber(ctx, { vatNumber, ...more }) };
}

describe("VIES client against the sandbox", () => {
  it("answers valid, with name and address, for a seeded trader", async () => {
    const { check, calls } = tenant("seeded");
    const seeded = SEEDED_NUMBERS[0]!;
    const result = await check(`${seeded.countryCode}${seeded.vatNumber}`);
    expect(result).toMatchObject({ status: "valid", countryCode: "NL", vatNumber: "800000018B01", name: seeded.name, address: seeded.address, requestIdentifier: undefined });
    expect(Date.now() - Date.parse(result.checkedAt)).toBeLessThan(60_000);
    expect(calls).toEqual([expect.objectContaining({ system: "vies", url: `${APP}/sandbox/vies/seeded/taxation_customs/vies/rest-api/check-vat-number`, status: 200 })]);
  });

  it("answers valid without name or address for any other number with the right check digit", async () => {
    const { check } = tenant("plain");
    expect(await check("DE136695976")).toMatchObject({ status: "valid", name: undefined, address: undefined });
    expect(await check("094014201", { countryCode: "GR" })).toMatchObject({ status: "valid", countryCode: "EL", vatNumber: "094014201" });
    expect(await check("BE 403.170.701")).toMatchObject({ status: "valid", vatNumber: "0403170701" });
  });

  it("answers invalid for a wrong check digit and for the documented deregistered numbers", async () => {
    const { check } = tenant("invalid");
    expect(await check("NL123456789B01")).toMatchObject({ status: "invalid" });
    for (const number of DEREGISTERED_NUMBERS) {
      expect(validateVatNumber(number).ok).toBe(true); // only VIES can tell these apart
      expect(await check(number)).toMatchObject({ status: "invalid" });
    }
  });

  it("a member state that is down: retryable vies_unavailable (MS_UNAVAILABLE, HTTP 500)", async () => {
    const { check, calls } = tenant("ms-down");
    const error = await caught(check("NL999999004B01"));
    expect(error).toMatchObject({ code: "vies_unavailable", retryable: true, detail: { status: 500 } });
    expect(error.message).toBe("VAT number NL999999004B01 could not be checked in VIES: the Dutch tax authority is not answering VIES right now. We will check it again shortly.");
    expect(calls[0]!.responseBody).toContain('"error":"MS_UNAVAILABLE"');
  });

  it("a member state at its request limit: retryable, also when VIES says so with HTTP 200", async () => {
    const { check } = tenant("ms-busy");
    expect(await caught(check("DE999998001"))).toMatchObject({ code: "vies_unavailable", retryable: true, detail: { status: 200 } });
  });

  it("invalid input: permanent", async () => {
    const { check } = tenant("bad-input");
    expect(await caught(check("NL"))).toMatchObject({ code: "vies_invalid_input", retryable: false, detail: { status: 400 } });
  });

  it("issues a consultation number, unique per check, when the merchant names itself as requester", async () => {
    const { check } = tenant("requester");
    const requester = { vatNumber: "NL800000018B01" };
    const first = await check("BE0403170701", { requester });
    const second = await check("NL123456789B01", { requester });
    expect(first.requestIdentifier).toMatch(/^WAPI[A-Z0-9]{12}$/);
    expect(second).toMatchObject({ status: "invalid", requestIdentifier: expect.stringMatching(/^WAPI/) });
    expect(second.requestIdentifier).not.toBe(first.requestIdentifier);
    expect(await caught(check("BE0403170701", { requester: { vatNumber: "NL123456789B01" } }))).toMatchObject({ code: "vies_invalid_requester", retryable: false });
  });

  it("_admin/numbers registers a number as valid with a name, or as invalid; reset forgets it", async () => {
    const { check, admin } = tenant("registered");
    const registered = await admin("POST", "numbers", { vatNumber: "NL123456782B01", name: "TEST TRADER B.V.", address: "DAMRAK 1\n1012LG AMSTERDAM" });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toEqual({ countryCode: "NL", vatNumber: "123456782B01", valid: true, name: "TEST TRADER B.V.", address: "DAMRAK 1\n1012LG AMSTERDAM" });
    expect(await check("NL123456782B01")).toMatchObject({ status: "valid", name: "TEST TRADER B.V." });

    expect((await admin("POST", "numbers", { vatNumber: "136695976", countryCode: "DE", valid: false })).status).toBe(201);
    expect(await check("DE136695976")).toMatchObject({ status: "invalid" });
    expect((await (await admin("GET", "numbers")).json()).numbers).toHaveLength(SEEDED_NUMBERS.length + 2);

    expect((await admin("POST", "reset")).status).toBe(204);
    expect(await check("NL123456782B01")).toMatchObject({ status: "valid", name: undefined });
    expect(await check("DE136695976")).toMatchObject({ status: "valid" });
  });

  it("injected faults: a 503 is retryable, a hang ends in the client's timeout", async () => {
    const { check, admin } = tenant("faults", { timeoutMs: 300 });
    expect((await admin("POST", "faults", { failNext: 1, status: 503 })).status).toBe(204);
    expect(await caught(check("DE136695976"))).toMatchObject({ code: "vies_unavailable", retryable: true, detail: { status: 503 } });
    expect((await admin("POST", "faults", { timeoutNext: 1 })).status).toBe(204);
    const timeout = await caught(check("DE136695976"));
    expect(timeout).toMatchObject({ code: "vies_unavailable", retryable: true });
    expect(timeout.message).toContain("VIES did not answer within 300 ms");
    expect(await check("DE136695976")).toMatchObject({ status: "valid" });
  });

  it("logs the API requests of the tenant", async () => {
    const { check, admin } = tenant("logged");
    await check("DE136695976");
    await caught(check("NL999999004B01"));
    expect(await (await admin("GET", "requests")).json()).toEqual([
      expect.objectContaining({ method: "POST", path: "/taxation_customs/vies/rest-api/check-vat-number", status: 200 }),
      expect.objectContaining({ method: "POST", path: "/taxation_customs/vies/rest-api/check-vat-number", status: 500 }),
    ]);
  });
});
