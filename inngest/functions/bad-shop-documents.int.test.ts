import { InngestTestEngine } from "@inngest/test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { absurdAmount, absurdQuantity, assertProperty, brief } from "@/lib/testing/malformed";
import { processDocument } from "./process-document";
import { matrixReaders } from "./testing/matrix-readers";
import { matrixSources } from "./testing/matrix-sources";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Bad documents in the shop itself: orders whose amounts are absurd (1e30, NaN, "12,34", exponent
 * strings, negative), whose quantities are negative or fractional nonsense, or whose fields have the
 * wrong type, stored in the sandbox shop as it would serve them. Through the real pipeline each is
 * booked (if it still adds up) or held with a clear, stable code, never an unexpected error; a valid
 * order placed after each is booked, once.
 */
const APP = "http://localhost:3000";
const SEED = 5555;
const RUNS = Math.max(5, Math.round(Number(process.env.BAD_INPUT_RUNS ?? 20) / 2));

let t: TestDb;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const ccvRow = (name: string, count: unknown, price: unknown, tax: unknown) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const kmoLine = (name: string, quantity: unknown, priceincltax: unknown, tax_rate: unknown) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });

/** An order of each shop with the values a generator supplies in its amount, quantity and rate fields. */
const shops = {
  ccvshop: (v: Values) => ({
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: v.shipping,
    total_price: v.total, total_tax: v.tax, currency: "EUR", is_intra_community_order: false,
    customer: { email: "odd@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [ccvRow("Theepot", v.quantity, v.price, v.rate), ccvRow("Thee", 2, 5.98, 9)],
  }),
  kmoshops: (v: Values) => ({
    status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
    customer: { email: "odd@example.nl", firstname: "Eva", lastname: "Koper" },
    billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
    lines: [kmoLine("Theepot", v.quantity, v.price, v.rate), kmoLine("Thee", 2, "5.98", "9")],
    shipping: { name: "PostNL", priceincltax: v.shipping, tax_rate: "21" },
  }),
};
type Values = { quantity: unknown; price: unknown; rate: unknown; shipping: unknown; total: unknown; tax: unknown };
const values = (): fc.Arbitrary<Values> =>
  fc.record({
    quantity: fc.oneof(fc.constant<unknown>(1), absurdQuantity()),
    price: fc.oneof(fc.constant<unknown>(24.95), absurdAmount()),
    rate: fc.oneof(fc.constant<unknown>(21), fc.constantFrom<unknown>(-21, 1e30, "21%", "NaN", null, "abc")),
    shipping: fc.oneof(fc.constant<unknown>(4.95), absurdAmount()),
    total: fc.oneof(fc.constant<unknown>(41.86), absurdAmount()),
    tax: fc.oneof(fc.constant<unknown>(6.18), absurdAmount()),
  });

async function createIntegration(key: string, system: "ccvshop" | "kmoshops"): Promise<string> {
  const tenant = key.toLowerCase();
  const sourceSide = matrixSources[system].demo(tenant);
  const targetSide = rompslompDemoTarget(tenant);
  const account = await t.db.account.create({ data: { name: `${key} B.V.` } });
  const connection = (side: "source" | "target", sys: string, credentials: unknown) => ({
    side, system: sys, baseUrl: `${APP}/sandbox/${sys}/${tenant}`, credentialsEnc: sealCredentials(credentials as Record<string, unknown>), status: "ok", lastCheckedAt: new Date(),
  });
  const settings: Record<string, unknown> = { source: { startDate: "2000-01-01", ...sourceSide.settings }, target: targetSide.settings, payments: { enabled: false } };
  if (targetSide.costAccounts) settings.costAccounts = targetSide.costAccounts;
  const integration = await t.db.integration.create({
    data: {
      accountId: account.id, licenseKey: key, name: key, sourceSystem: system, targetSystem: "rompslomp", status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", system, sourceSide.credentials), connection("target", "rompslomp", targetSide.credentials)] },
      settings: { create: Object.entries(settings).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: targetSide.vatGrid ?? [] },
    },
  });
  return integration.id;
}

describe.each(Object.keys(shops) as ("ccvshop" | "kmoshops")[])("%s: orders with absurd amounts and quantities", (system) => {
  const key = `ODD-${system}`.toUpperCase();
  const shopAdmin = `${APP}/sandbox/${system}/${key.toLowerCase()}/_admin`;
  const books = `${APP}/sandbox/rompslomp/${key.toLowerCase()}/_admin`;

  async function book(integrationId: string, payload: object): Promise<{ sourceId: string; status: string; code: string | null; detail: string | null } | null> {
    // The shop itself refuses to store it (the CCV sandbox even throws on "1.234,56"): nothing reaches us.
    const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) }).catch(() => null);
    if (res?.status !== 201) return null;
    const sourceId = ((await res.json()) as { id: string }).id;
    const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId });
    const { error } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
    expect(error, `processing ${brief(payload)}`).toBeUndefined();
    const doc = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
    return { sourceId, status: doc.status, code: doc.errorCode, detail: doc.errorDetail };
  }

  it("each is booked or held with a clear code; the valid order after it books once", async () => {
    const integrationId = await createIntegration(key, system);
    await assertProperty(
      fc.asyncProperty(values(), async (v) => {
        const odd = await book(integrationId, shops[system](v));
        if (odd && odd.status !== "booked") {
          expect(["error", "open"], brief(odd)).toContain(odd.status);
          expect(odd.code).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(odd.code, brief({ v, odd })).not.toBe("internal_error");
          expect(odd.detail!.length).toBeGreaterThan(15);
        }
        const fine = await book(integrationId, shops[system]({ quantity: 1, price: system === "ccvshop" ? 24.95 : "24.95", rate: system === "ccvshop" ? 21 : "21", shipping: system === "ccvshop" ? 4.95 : "4.95", total: 41.86, tax: 6.18 }));
        expect(fine?.status, brief(fine)).toBe("booked");
        const booked = await matrixReaders.rompslomp(books, { reference: `${key}-order-${fine!.sourceId}`, salesNumber: "" });
        expect(booked.count).toBe(1);
      }),
      { seed: SEED, numRuns: RUNS, examples: [[{ quantity: -1, price: 24.95, rate: 21, shipping: 4.95, total: 41.86, tax: 6.18 }], [{ quantity: 1, price: 1e30, rate: 21, shipping: 4.95, total: 41.86, tax: 6.18 }], [{ quantity: 1, price: "12,34", rate: 21, shipping: 4.95, total: "1e5", tax: "NaN" }]] },
    );
  });
});
