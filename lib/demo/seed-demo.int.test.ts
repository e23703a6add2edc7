import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { createTestDb, type TestDb } from "../db/testing";
import { demoIntegrations } from "./demo-integrations";
import { seedDemo } from "./seed-demo";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("demo merchant", () => {
  it("is seeded once with the five integrations of the sandbox contract, tenant = license key in lower case", async () => {
    expect(await seedDemo(t.db, "http://localhost:3000")).toEqual({ created: true });
    expect(await seedDemo(t.db, "http://localhost:3000")).toEqual({ created: false });
    const integrations = await t.db.integration.findMany({ include: { connections: true }, orderBy: { licenseKey: "asc" } });
    expect(integrations.map((i) => i.licenseKey).sort()).toEqual(demoIntegrations.map((d) => d.licenseKey).sort());
    const ccv = integrations.find((i) => i.licenseKey === "DEMO-CCVSHOP-ROMPSLOMP")!;
    expect(ccv.connections.map((c) => c.baseUrl).sort()).toEqual([
      "http://localhost:3000/sandbox/ccvshop/demo-ccvshop-rompslomp",
      "http://localhost:3000/sandbox/rompslomp/demo-ccvshop-rompslomp",
    ]);
    expect(await t.db.user.count()).toBe(1);
  });

  it("logs in as demo@example.com / demo", async () => {
    expect((await authenticate(t.db, "demo@example.com", "demo")).ok).toBe(true);
  });
});
