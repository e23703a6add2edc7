import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { updateTenant } from "../sandbox/kit/tenant-store";
import { referenceCache } from "../kit/reference-cache";
import { caught } from "../testing";
import type { Booking, ExternalCallRecord } from "../types";
import { bookingFixture } from "./__fixtures__/bookings";
import { decodeForm } from "./form";
import { initialState, type WefactState } from "./sandbox/state";
import { admin, sandboxCtx } from "./sandbox/testing";
import { createWefactTarget } from "./target";

/** The sale VAT codes cached between bookings, read again when a stale list could explain a refusal. */
const TENANT = "cache-acme";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { referenceCache.clear(); await admin(TENANT, "POST", "reset"); });

const nl = bookingFixture("invoice-nl-mixed");
const actions = (calls: ExternalCallRecord[]) => calls.map((c) => { const b = decodeForm(c.requestBody ?? ""); return `${b.controller}/${b.action}`; });
const editTaxCodes = (fn: (codes: WefactState["taxCodes"]) => WefactState["taxCodes"]) =>
  updateTenant<WefactState, void>("wefact", TENANT, () => initialState(TENANT), (s) => { s.taxCodes = fn(s.taxCodes); });

async function booking(n: number, patch: Partial<Booking> = {}): Promise<Booking> {
  const wefact = createWefactTarget(sandboxCtx(TENANT), {});
  const debtorId = (await wefact.findDebtorByEmail(nl.booking.document.customer.email ?? "")) ?? (await wefact.createDebtor(nl.booking.document));
  return { ...nl.booking, reference: `${nl.booking.reference}-${n}`, debtorId, ...patch };
}

describe("WeFact reference data in steady state", () => {
  it("books the second document with the create alone: VAT codes cached, no look-up right after the pipeline's", async () => {
    const first: ExternalCallRecord[] = [];
    await createWefactTarget(sandboxCtx(TENANT, first), {}).createInvoice(await booking(1, { lookedUp: true }));
    expect(actions(first)).toEqual(["settings/list", "invoice/add"]);
    const second: ExternalCallRecord[] = [];
    await createWefactTarget(sandboxCtx(TENANT, second), {}).createInvoice(await booking(2, { lookedUp: true }));
    expect(actions(second)).toEqual(["invoice/add"]);
    const retry: ExternalCallRecord[] = [];
    await createWefactTarget(sandboxCtx(TENANT, retry), {}).createInvoice(await booking(2)); // a retry: looks first, finds it
    expect(actions(retry)).toEqual(["invoice/list", "invoice/show"]);
  });

  it("a code the merchant added after the list was cached is found by reading it again", async () => {
    await createWefactTarget(sandboxCtx(TENANT), {}).createInvoice(await booking(1, { lookedUp: true }));
    await editTaxCodes((codes) => [...codes, { TaxCode: "V9X", Name: "9% apart", Rate: "0.09", IsDefault: "no" }]);
    const calls: ExternalCallRecord[] = [];
    const b = await booking(2, { lookedUp: true });
    await createWefactTarget(sandboxCtx(TENANT, calls), {}).createInvoice({ ...b, lines: b.lines.map((l) => (l.vatRate === "9" ? { ...l, vatCode: "V9X" } : l)) });
    expect(actions(calls)).toEqual(["settings/list", "invoice/add"]);
  });

  it("a code removed after the list was cached gives the clear error, not WeFact's raw refusal", async () => {
    await createWefactTarget(sandboxCtx(TENANT), {}).createInvoice(await booking(1, { lookedUp: true }));
    await editTaxCodes((codes) => codes.filter((c) => c.TaxCode !== "V9"));
    const calls: ExternalCallRecord[] = [];
    const err = await caught(createWefactTarget(sandboxCtx(TENANT, calls), {}).createInvoice(await booking(2, { lookedUp: true })));
    expect(err).toMatchObject({ code: "vat_code_unknown", retryable: false });
    expect(err.message).toMatch(/"V9".*does not exist in WeFact/);
    expect(actions(calls)).toEqual(["invoice/add", "settings/list"]); // refused on the stale list, read again, refused clearly
  });
});
