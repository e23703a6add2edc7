import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { referenceCache } from "../kit/reference-cache";
import { updateTenant } from "../sandbox/kit/tenant-store";
import { caught } from "../testing";
import type { Booking, ExternalCallRecord } from "../types";
import { initialState, type EboekhoudenState } from "./sandbox/state";
import { admin, sandboxCtx, state, tokenCredentials } from "./sandbox/testing";
import { createEboekhoudenTarget } from "./target";

/** Ledger accounts and relation ids cached between bookings, read again when stale ids could explain a refusal. */
const T = "eb-cache";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { referenceCache.clear(); await admin(T, "POST", "reset"); await admin(T, "POST", "faults", {}); });

const target = (calls?: ExternalCallRecord[]) => createEboekhoudenTarget(sandboxCtx(T, tokenCredentials(T), calls), {});
const endpoints = (calls: ExternalCallRecord[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname.replace(/^.*\/v1/, "")}`).filter((e) => !e.endsWith("/session"));
const edit = (fn: (s: EboekhoudenState) => void) => updateTenant<EboekhoudenState, void>("eboekhouden", T, () => initialState(T), fn);

async function booking(number: string): Promise<Booking> {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", "domestic-mixed.json"), "utf8")) as { booking: Booking };
  const document = salesDocumentSchema.parse(raw.booking.document);
  const tgt = target();
  const debtorId = (await tgt.findDebtorByEmail(document.customer.email ?? "")) ?? (await tgt.createDebtor(document));
  return { ...raw.booking, debtorId, description: number, document: { ...document, source: { ...document.source, number, orderNumber: number } } };
}

describe("e-Boekhouden reference data in steady state", () => {
  it("books the second sale with the duplicate guard and the create alone", async () => {
    const first: ExternalCallRecord[] = [];
    await target(first).createInvoice(await booking("ORD501"));
    expect(endpoints(first)).toEqual(expect.arrayContaining(["GET /ledger", "GET /relation", "POST /mutation"]));
    const second: ExternalCallRecord[] = [];
    await target(second).createInvoice(await booking("ORD502"));
    expect(endpoints(second)).toEqual(["GET /mutation", "POST /mutation"]);
  });

  it("a ledger account removed after the list was cached gives the clear error; a new one is found", async () => {
    await target().createInvoice(await booking("ORD511"));
    let removed: EboekhoudenState["ledgers"][number] | undefined;
    await edit((s) => { removed = s.ledgers.find((l) => l.code === "8010"); s.ledgers = s.ledgers.filter((l) => l.code !== "8010"); });
    const calls: ExternalCallRecord[] = [];
    const err = await caught(target(calls).createInvoice(await booking("ORD512")));
    expect(err).toMatchObject({ code: "ledger_not_found", retryable: false });
    expect(err.message).toContain("8010");
    expect(endpoints(calls)).toContain("GET /ledger"); // refused on the stale id, read again, refused clearly
    // The merchant adds the account again (a new id): the cached list lacks it, a fresh one has it.
    await edit((s) => { s.ledgers.push({ ...removed!, id: removed!.id + 1_000 }); });
    await expect(target().createInvoice(await booking("ORD513"))).resolves.toMatchObject({ number: "ORD513" });
    expect((await state(T)).mutations.filter((m) => m.invoiceNumber === "ORD513")).toHaveLength(1);
  });

  it("a relation removed after its id was cached gives the clear error, not a raw refusal", async () => {
    const b = await booking("ORD521");
    await target().createInvoice(b);
    await edit((s) => { s.relations = s.relations.filter((r) => r.code !== b.debtorId); });
    const err = await caught(target().createInvoice({ ...b, description: "ORD522", document: { ...b.document, source: { ...b.document.source, number: "ORD522", orderNumber: "ORD522" } } }));
    expect(err).toMatchObject({ code: "debtor_not_found", retryable: false });
  });
});
