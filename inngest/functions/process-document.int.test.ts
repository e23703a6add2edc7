import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { processDocument } from "./process-document";
import { sentEventSteps } from "./testing/sent-events";
import { useDemoDatabase } from "@/lib/db/demo-database";

// The demo CCV Shop → Rompslomp integration, booking through the real connectors into the
// sandboxes (served in-process: same requests, no network hop).
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/ccvshop/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});

const row = (name: string, count: number, price: number, tax: number, code = name.toUpperCase()) =>
  ({ product_name: name, product_number: code, count, price, selling_price: price, price_without_discount: price, tax });

function order(overrides: Record<string, unknown> = {}) {
  return {
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
    total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email: "buyer@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
    ...overrides,
  };
}

async function placeOrder(payload: Record<string, unknown>): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) });
  return (await res.json()).id as string;
}

async function process(sourceId: string) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId });
  const { result } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    // Payments are on for this demo: sending their events to Inngest is stood in for here.
    steps: sentEventSteps(),
  }).execute();
  return { documentId, result: result as { status: string; code?: string }, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

const invoices = async () => (await (await inProcessSandboxFetch(`${books}/state`)).json()).invoices as { api_reference: string; open_amount: string }[];

describe("process-document: CCV Shop → Rompslomp", () => {
  it("books a paid order once: totals to the cent, debtor and products created, booked with the Rompslomp id", async () => {
    const id = await placeOrder(order());
    const { result, document } = await process(id);
    expect(result.status).toBe("booked");
    expect(document.status).toBe("booked");
    expect(document.totalInclVat?.toFixed(2)).toBe("41.86");
    const booked = (await invoices()).filter((i) => i.api_reference === `${KEY}-order-${id}`);
    expect(booked).toHaveLength(1);
    expect(booked[0]!.open_amount).toBe("41.86");
    expect(document.targetRef).toBeTruthy();
    expect(await t.db.externalCall.count({ where: { documentId: document.id } })).toBeGreaterThan(3);
  });

  it("books a returning customer's next order with the debtor and products it linked the first time: two calls to Rompslomp", async () => {
    const returning = () => order({
      customer: { email: "returning@example.nl", billingaddress: { country_code: "NL" } },
      orderrows: [row("Theepot", 1, 24.95, 21, "POT-RETURNING"), row("Thee", 2, 5.98, 9, "THEE-RETURNING")],
    });
    const debtorLinks = vi.spyOn(t.db.debtorLink, "upsert");
    const productLinks = vi.spyOn(t.db.productLink, "upsert");
    await process(await placeOrder(returning()));
    const linked = [debtorLinks.mock.calls.length, productLinks.mock.calls.length];
    expect(linked[0]).toBe(1);
    expect(linked[1]).toBeGreaterThanOrEqual(2); // its two products (and shipping, unless an earlier order linked it)
    const { result, document } = await process(await placeOrder(returning()));
    expect(result.status).toBe("booked");
    expect([debtorLinks.mock.calls.length, productLinks.mock.calls.length]).toEqual(linked); // nothing linked again
    vi.restoreAllMocks();
    const calls = await t.db.externalCall.findMany({ where: { documentId: document.id, system: "rompslomp" }, orderBy: { at: "asc" }, select: { method: true, url: true } });
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname.split("/").at(-1)}`)).toEqual(["GET sales_invoices", "POST sales_invoices"]);
  });

  it("never books twice: a second delivery finds it booked, a retry after a lost answer finds it by reference", async () => {
    const id = await placeOrder(order({ customer: { email: "twice@example.nl", billingaddress: { country_code: "NL" } } }));
    const first = await process(id);
    expect((await process(id)).result).toMatchObject({ status: "booked", already: true });
    // As if the invoice was created but our answer was lost: the document is still queued.
    await t.db.document.update({ where: { id: first.documentId }, data: { status: "queued", targetRef: null } });
    expect((await process(id)).result).toMatchObject({ status: "booked", found: true });
    expect((await invoices()).filter((i) => i.api_reference === `${KEY}-order-${id}`)).toHaveLength(1);
  });

  it("books the VAT the shop charged on its totals per rate, where Rompslomp rounds per line", async () => {
    // Three items of 1.01 incl. at 21%: per line 3 × 0.18 = 0.54 VAT, but the shop charged 0.53 on
    // the 3.03 total; Rompslomp computes each line's VAT from its price, so the cents must be placed.
    const rows = ["A", "B", "C"].map((n) => row(`Sticker ${n}`, 1, 1.01, 21));
    const id = await placeOrder(order({ orderrows: rows, total_shipping: 0, total_price: 3.03, total_tax: 0.53, customer: { email: "cents@example.nl", billingaddress: { country_code: "NL" } } }));
    const { result, document } = await process(id);
    expect([result.status, document.errorDetail]).toEqual(["booked", null]);
    const booked = (await invoices()).find((i) => i.api_reference === `${KEY}-order-${id}`) as unknown as { price_with_vat: string; vat_amount: string };
    expect([booked.price_with_vat, booked.vat_amount]).toEqual(["3.03", "0.53"]);
  });

  const icpOrder = (btw: string, email: string) =>
    order({
      is_intra_community_order: true, taxes_included: false, order_row_taxes_included: false, total_tax: 0,
      orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)], total_shipping: 4.95, total_price: 41.86,
      customer: { email, btw, billingaddress: { company: "Beispiel GmbH", country_code: "DE" }, deliveryaddress: { country_code: "DE" } },
    });

  it("books an ICP order on a VAT number VIES knows, and keeps VIES's answer as proof", async () => {
    const { result, document } = await process(await placeOrder(icpOrder("DE983924221", "einkauf@beispiel.de")));
    expect([result.status, document.errorDetail]).toEqual(["booked", null]);
    expect(document.vatCheck).toMatchObject({ status: "valid", countryCode: "DE", vatNumber: "983924221" });
    expect((document.vatCheck as { checkedAt: string }).checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it("holds an ICP order whose VAT number VIES does not know, saying so, booking nothing", async () => {
    const before = (await invoices()).length;
    const { document } = await process(await placeOrder(icpOrder("NL800000031B01", "gone@example.nl")));
    expect(document.status).toBe("error");
    expect(document.errorCode).toBe("vat_number_not_registered");
    expect(document.errorDetail).toMatch(/VIES .* NL800000031B01 is not registered/);
    expect((await invoices()).length).toBe(before);
  });

  it("puts an unpaid order on Open with the reason", async () => {
    const { document } = await process(await placeOrder(order({ paid: false })));
    expect(document.status).toBe("open");
    expect(document.errorDetail).toMatch(/paid/i);
  });

  it.each([
    ["an unknown order id", async () => "999999", "not_found"],
    ["totals that do not add up", () => placeOrder(order({ total_price: 49.99 })), "totals_mismatch"],
    ["an unmapped VAT rate", () => placeOrder(order({ orderrows: [row("Theepot", 1, 24.95, 21), row("Zeep", 2, 5.98, 15)], total_price: 41.86, total_tax: 6.75 })), "vat_rate_unmapped"],
    ["an ICP order without VAT number", () => placeOrder(order({ is_intra_community_order: true, taxes_included: false, order_row_taxes_included: false, total_price: 41.86, total_tax: 0,
      customer: { email: "b2b@example.de", billingaddress: { company: "GmbH", country_code: "DE" }, deliveryaddress: { country_code: "DE" } } })), "icp_without_vat_number"],
  ])("puts %s on Errors with a plain-language reason, booking nothing", async (_case, make, code) => {
    const before = (await invoices()).length;
    const { document } = await process(await make());
    expect(document.status).toBe("error");
    expect(document.errorCode).toBe(code);
    expect(document.errorDetail!.length).toBeGreaterThan(20);
    expect((await invoices()).length).toBe(before);
  });

  it("turns the Rompslomp connection red when the merchant revoked access; the document waits on Open for the reconnect", async () => {
    await inProcessSandboxFetch(`${books}/revoke`, { method: "POST" });
    const { document } = await process(await placeOrder(order({ customer: { email: "late@example.nl", billingaddress: { country_code: "NL" } } })));
    expect(document.status).toBe("open");
    expect(document.errorCode).toBe("reconnect_needed");
    expect(document.errorParams).toEqual({ side: "target", code: "oauth_revoked" });
    const connection = await t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "target" } } });
    expect(connection.status).toBe("error");
    expect(connection.statusDetail).toMatch(/Rompslomp/);
  });
});
