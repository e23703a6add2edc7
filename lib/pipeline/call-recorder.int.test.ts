import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { callRecorder } from "./call-recorder";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("callRecorder", () => {
  it("stores calls made within one millisecond in the order they happened", async () => {
    const account = await t.db.account.create({ data: { name: "Shop", integrations: { create: { licenseKey: "REC-1", name: "x", sourceSystem: "ccvshop", targetSystem: "wefact" } } }, include: { integrations: true } });
    const recorder = callRecorder();
    for (const path of ["orders/1", "orders/1/orderrows", "customers/9"]) recorder.onCall({ system: "ccvshop", method: "GET", url: `https://shop/${path}`, durationMs: 0 });
    await recorder.save(t.db, account.integrations[0]!.id);
    const stored = await t.db.externalCall.findMany({ orderBy: { at: "desc" } });
    expect(stored.map((c) => c.url).reverse()).toEqual(["https://shop/orders/1", "https://shop/orders/1/orderrows", "https://shop/customers/9"]);
  });
});
