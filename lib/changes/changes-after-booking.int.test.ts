import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import type { Prisma } from "@/lib/db/generated/client";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";
import { useDemoDatabase } from "@/lib/db/demo-database";

// A booked CCV order changed in the shop sandbox, announced again, through the real pipeline into Rompslomp.
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});

const row = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const order = (email: string) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
});

const shop = `${APP}/sandbox/ccvshop/${TENANT}/_admin/documents`;
async function place(email: string) {
  return String((await (await inProcessSandboxFetch(shop, { method: "POST", body: JSON.stringify({ kind: "order", payload: order(email) }) })).json()).id);
}
const patch = (id: string, fields: Record<string, unknown>) => inProcessSandboxFetch(`${shop}/${id}`, { method: "PATCH", body: JSON.stringify(fields) });

/** One run as a webhook or poll would start it (the shop announced the order); the rebooking event stood in for. */
async function arrive(sourceId: string) {
  const { documentId, process } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId }, { booked: "compare" });
  expect(process).toBe(true);
  const sent: unknown[] = [];
  const { result } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: [...sentEventSteps(), { id: "rebook-changed", handler: () => { sent.push(documentId); return { ids: [] }; } }],
  }).execute();
  return { documentId, result: result as Record<string, unknown>, rebookSent: sent.length, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

const invoicesOf = async (sourceId: string) =>
  ((await (await inProcessSandboxFetch(`${APP}/sandbox/rompslomp/${TENANT}/_admin/state`)).json()).invoices as { api_reference: string; price_with_vat: string; status: string }[])
    .filter((i) => i.api_reference === `${KEY}-order-${sourceId}`);

describe("changes after booking", () => {
  it("flags a booked order that changed in the shop with the differences, books nothing twice, and records it once", async () => {
    const id = await place("changed@example.nl");
    expect((await arrive(id)).document.status).toBe("booked");
    // Announced again unchanged: nothing flagged.
    const same = await arrive(id);
    expect(same.result).toMatchObject({ status: "booked", already: true });
    expect(same.document.shopChanges).toBeNull();

    expect((await patch(id, { total_shipping: 6.95, total_price: 43.86, total_tax: 6.53 })).status).toBe(200);
    const changed = await arrive(id);
    expect(changed.result).toMatchObject({ status: "booked", already: true });
    const changes = changed.document.shopChanges as { field: string; booked: string; shop: string }[];
    expect(changes).toEqual(expect.arrayContaining([{ field: "total incl. VAT", booked: "41.86", shop: "43.86" }]));
    expect(changed.document.shopChangedAt).not.toBeNull();
    expect(await invoicesOf(id)).toHaveLength(1);
    // Seen again: the same differences, no second event.
    await arrive(id);
    expect(await t.db.auditEvent.count({ where: { documentId: changed.documentId, action: "document.changed" } })).toBe(1);
  });

  it("credit and rebook on (concept invoices): the changed order's booking is undone and the new version booked, once", async () => {
    const settings = async (key: string, patchValue: Record<string, unknown>) => {
      const current = await t.db.integrationSetting.findUnique({ where: { integrationId_key: { integrationId, key } } });
      const value = JSON.parse(JSON.stringify({ ...((current?.value as object) ?? {}), ...patchValue })) as Prisma.InputJsonObject;
      await t.db.integrationSetting.upsert({ where: { integrationId_key: { integrationId, key } }, create: { integrationId, key, value }, update: { value } });
    };
    await settings("target", { invoiceStatus: "concept" });
    await settings("booking", { creditAndRebook: true });
    const id = await place("rebook@example.nl");
    const first = await arrive(id);
    expect(first.document.status).toBe("booked");
    await patch(id, { total_shipping: 6.95, total_price: 43.86, total_tax: 6.53 });

    const changed = await arrive(id);
    expect(changed.result).toMatchObject({ status: "queued", rebook: true });
    expect(changed.rebookSent).toBe(1);
    expect(await invoicesOf(id)).toHaveLength(0);
    // The rebooking run (the event sent above) books the new version.
    const { result } = await new InngestTestEngine({
      function: processDocument,
      events: [{ name: "document/process.requested", data: { documentId: changed.documentId, integrationId } }],
      steps: sentEventSteps(),
    }).execute();
    expect(result).toMatchObject({ status: "booked" });
    expect((await invoicesOf(id)).map((i) => i.price_with_vat)).toEqual(["43.86"]);
    // Announced again after the rebooking: nothing differs any more, nothing is undone again.
    const again = await arrive(id);
    expect([again.result.status, again.rebookSent, again.document.shopChanges]).toEqual(["booked", 0, null]);
    expect(await invoicesOf(id)).toHaveLength(1);
    const actions = (await t.db.auditEvent.findMany({ where: { documentId: changed.documentId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions.filter((a) => a === "booking.undone" || a === "booking.rebooked")).toEqual(["booking.undone", "booking.rebooked"]);
  });
});
