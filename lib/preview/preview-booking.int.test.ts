import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import { factuursturenDemoTarget } from "@/connectors/factuursturen/sandbox/demo";
import { sealCredentials } from "@/lib/crypto/secrets";
import type { Prisma } from "@/lib/db/generated/client";
import { targetSetups } from "@/connectors/registry";
import { previewBooking } from "./preview-booking";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";
import { useDemoDatabase } from "@/lib/db/demo-database";

// Preview runs the real connectors against the demo sandboxes (in-process): what it shows must be
// exactly what booking then sends, and it must leave the accounting sandbox untouched.
const APP = "http://localhost:3000";
const t = useDemoDatabase(APP);

beforeAll(async () => {
  const demo = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
  // e-Boekhouden and Factuursturen behind a CCV Shop (paid orders), configured as their demos are.
  for (const [key, system, demoTarget] of [["TEST-CCVSHOP-EBOEKHOUDEN", "eboekhouden", eboekhoudenDemoTarget], ["TEST-CCVSHOP-FACTUURSTUREN", "factuursturen", factuursturenDemoTarget]] as const) {
    const tenant = key.toLowerCase();
    const source = ccvshopDemoSource(tenant, "paid-orders");
    const target = demoTarget(tenant) as { credentials: Record<string, unknown>; settings: unknown; vatGrid?: unknown[]; costAccounts?: unknown };
    const connection = (side: "source" | "target", sys: string, credentials: Record<string, unknown>) => ({ side, system: sys, baseUrl: `${APP}/sandbox/${sys}/${tenant}`, credentialsEnc: sealCredentials(credentials), status: "ok" });
    const settings: Record<string, unknown> = { source: source.settings, target: target.settings, costAccounts: target.costAccounts };
    await t.db.integration.create({
      data: {
        accountId: demo.accountId, licenseKey: key, name: key, sourceSystem: "ccvshop", targetSystem: system, status: "active", termsAcceptedAt: new Date(),
        connections: { create: [connection("source", "ccvshop", source.credentials), connection("target", system, target.credentials)] },
        settings: { create: Object.entries(settings).filter(([, v]) => v !== undefined).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
        vatMappings: { create: (target.vatGrid ?? []) as Prisma.VatMappingCreateWithoutIntegrationInput[] },
      },
    });
  }
});

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax, price_with_attributes: price, price_without_discount_with_attributes: price });
const customer = (email: string) => ({ email, billingaddress: { first_name: "Eva", last_name: "Koper", street: "Kerkstraat", housenumber: 12, zipcode: "3511 AB", city: "Utrecht", country_code: "NL" }, deliveryaddress: { country_code: "NL" } });

async function shopPost(tenant: string, kind: string, payload: Record<string, unknown>) {
  const res = await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${tenant}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return String((await res.json()).id);
}

const order = (email: string, rows = [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)]) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  currency: "EUR", is_intra_community_order: false, customer: customer(email), orderrows: rows,
});

/** Each demo integration books a different CCV document kind: orders (Rompslomp) or invoices (WeFact). */
const cases = [
  { key: "DEMO-CCVSHOP-ROMPSLOMP", target: "rompslomp", kind: "order" as const, place: (tenant: string, email: string) => shopPost(tenant, "order", order(email)) },
  {
    key: "DEMO-CCVSHOP-WEFACT", target: "wefact", kind: "invoice" as const,
    place: async (tenant: string, email: string) => {
      const id = await shopPost(tenant, "order", { ...order(email), paymethod_costs: 0 });
      return shopPost(tenant, "invoice", { order: Number(id), total_shipping: 4.95, shipping_tax_percentage: 21, invoicerows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)] });
    },
  },
  { key: "TEST-CCVSHOP-EBOEKHOUDEN", target: "eboekhouden", kind: "order" as const, place: (tenant: string, email: string) => shopPost(tenant, "order", order(email)) },
  { key: "TEST-CCVSHOP-FACTUURSTUREN", target: "factuursturen", kind: "order" as const, place: (tenant: string, email: string) => shopPost(tenant, "order", order(email)) },
];

describe.each(cases)("preview booking: CCV Shop → $target", ({ key, target, kind, place }) => {
  const tenant = key.toLowerCase();
  const state = async () => (await inProcessSandboxFetch(`${APP}/sandbox/${target}/${tenant}/_admin/state`)).text();
  const integrationId = async () => (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: key } })).id;

  async function book(documentId: string) {
    const { result } = await new InngestTestEngine({
      function: processDocument,
      events: [{ name: "document/process.requested", data: { documentId, integrationId: await integrationId() } }],
      steps: sentEventSteps(),
    }).execute();
    return result as { status: string };
  }

  it("shows the debtor to be created, the lines with codes and accounts and the request, and writes nothing", async () => {
    const sourceId = await place(tenant, `new-${target}@example.nl`);
    const { documentId } = await receiveDocument(t.db, { integrationId: await integrationId(), kind, sourceId });
    const before = await state();
    const preview = await previewBooking(documentId);
    expect(await state()).toBe(before);
    if (!preview.ok) throw new Error(`preview failed: ${preview.failure.message}`);
    expect(preview.debtor.found).toBe(false);
    expect(preview.debtor.found === false && preview.debtor.request?.method).toBe("POST");
    expect(preview.lines.map((l) => l.vatRate)).toEqual(expect.arrayContaining(["21", "9"]));
    expect(preview.lines.every((l) => l.vatCode !== undefined)).toBe(true);
    expect(preview.totals.incl).toBe("41.86");
    // Targets that read the new debtor back to build the invoice show its request once it exists.
    if (preview.request) expect(preview.request.method).toBe("POST");
    else expect(preview.requestAfterDebtor).toBe(true);
    expect(await t.db.externalCall.count({ where: { documentId } })).toBe(0);
    expect((await t.db.document.findUniqueOrThrow({ where: { id: documentId } })).status).toBe("queued");
  });

  it("previews exactly the request booking then sends", async () => {
    const email = `again-${target}@example.nl`;
    // A first booking creates the debtor and products; the second document's preview finds them.
    expect((await book((await receiveDocument(t.db, { integrationId: await integrationId(), kind, sourceId: await place(tenant, email) })).documentId)).status).toBe("booked");
    const { documentId } = await receiveDocument(t.db, { integrationId: await integrationId(), kind, sourceId: await place(tenant, email) });
    const preview = await previewBooking(documentId);
    if (!preview.ok) throw new Error(`preview failed: ${preview.failure.message}`);
    expect(preview.debtor.found).toBe(true);
    expect(preview.products.filter((p) => p.request)).toEqual([]);
    expect((await book(documentId)).status).toBe("booked");
    const sent = await t.db.externalCall.findMany({ where: { documentId, method: preview.request!.method, url: preview.request!.url }, orderBy: { at: "asc" } });
    const creates = sent.filter((c) => c.status !== null && c.status < 300 && normalized(c.requestBody) === normalized(preview.request!.body));
    expect(creates).toHaveLength(1);
  });

  it.skipIf(targetSetups[target as "rompslomp"]?.usesVatGrid === false)("shows the pipeline's own error for a rate the grid does not map", async () => {
    const id = await integrationId();
    const grid = await t.db.vatMapping.findMany({ where: { integrationId: id, region: "NL", rate: 9 } });
    await t.db.vatMapping.deleteMany({ where: { id: { in: grid.map((g) => g.id) } } });
    try {
      const { documentId } = await receiveDocument(t.db, { integrationId: id, kind, sourceId: await place(tenant, `unmapped-${target}@example.nl`) });
      const preview = await previewBooking(documentId);
      expect(preview.ok).toBe(false);
      await book(documentId);
      const failed = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
      expect(failed.status).toBe("error");
      expect(!preview.ok && [preview.failure.code, preview.failure.message]).toEqual([failed.errorCode, failed.errorDetail]);
    } finally {
      await t.db.vatMapping.createMany({ data: grid.map(({ id: _id, ...g }) => g) });
    }
  });
});

/** The same JSON whatever the indentation (the preview indents it for reading). */
function normalized(body: string | null | undefined) {
  if (!body) return body;
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}
