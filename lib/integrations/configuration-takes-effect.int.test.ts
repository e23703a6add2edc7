import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { saveConfigurationGroup } from "./save-configuration";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

// A setting saved on the Configuration tab counts from the next document: the pipeline reads the
// settings per document, nothing keeps an old copy. Demo CCV Shop → Rompslomp, through the sandboxes.
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();

let t: TestDb;
let integrationId: string;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const order = (email: string) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
});

async function book(email: string) {
  const res = await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${TENANT}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload: order(email) }) });
  const sourceId = (await res.json()).id as string;
  const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId });
  const { result } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: sentEventSteps(),
  }).execute();
  expect(result).toMatchObject({ status: "booked" });
  return `${KEY}-order-${sourceId}`;
}

const books = async () => (await (await inProcessSandboxFetch(`${APP}/sandbox/rompslomp/${TENANT}/_admin/state`)).json()) as {
  invoices: { api_reference: string; status: string }[]; emails?: { to: string }[];
};
const statusOf = async (reference: string) => (await books()).invoices.find((i) => i.api_reference === reference)?.status;
const booking = (changes: Record<string, string>) => saveConfigurationGroup(t.db, integrationId, "booking", { invoiceStatus: "published", descriptionSource: "order-number", ...changes });

it("books the next document as the Configuration tab now says", async () => {
  const first = await book("first@example.nl");
  expect(await statusOf(first)).toBe("published");
  expect((await books()).emails ?? []).toEqual([]);

  expect(await booking({ sendByEmail: "on" })).toEqual({ ok: true });
  const second = await book("second@example.nl");
  expect(await statusOf(second)).toBe("published");
  expect((await books()).emails?.map((e) => e.to)).toEqual(["second@example.nl"]);

  // Payments stay on for this demo: Rompslomp takes them on concepts too.
  expect(await booking({ invoiceStatus: "concept" })).toEqual({ ok: true });
  const third = await book("third@example.nl");
  expect(await statusOf(third)).toBe("concept");
  expect((await books()).emails).toHaveLength(1);
});

it("CCV Shop: invoices → paid orders registers the shop's webhooks for orders at once", async () => {
  const ccv = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" } })).id;
  const requests = async () => (await (await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/demo-ccvshop-wefact/_admin/requests`)).json()) as { method: string; path: string; status: number }[];
  const before = (await requests()).length;
  expect(await saveConfigurationGroup(t.db, ccv, "documents", { documentTrigger: "paid-orders" })).toEqual({ ok: true });
  const registered = (await requests()).slice(before).filter((r) => r.method === "POST" && r.path.includes("webhooks"));
  expect(registered.length).toBeGreaterThan(0);
  expect(registered.every((r) => r.status < 300)).toBe(true);
  // Saving the same choice again registers nothing.
  const again = (await requests()).length;
  expect(await saveConfigurationGroup(t.db, ccv, "documents", { documentTrigger: "paid-orders" })).toEqual({ ok: true });
  expect((await requests()).length).toBe(again);
});
