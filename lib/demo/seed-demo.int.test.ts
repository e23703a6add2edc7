import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { setDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { demoIntegrations } from "./demo-integrations";
import { seedDemo } from "./seed-demo";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

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
    expect(await t.db.user.count({ where: { role: { not: "operator" } } })).toBe(1);

    // Fully configured as a merchant would: sealed credentials, settings, VAT grid, webhooks registered at the sandbox shop.
    expect(ccv.connections.every((c) => c.status === "ok" && c.credentialsEnc?.startsWith("v1:"))).toBe(true);
    const grid = await t.db.vatMapping.findMany({ where: { integrationId: ccv.id } });
    expect(grid.find((r) => r.region === "NL" && r.rate.eq(21))?.vatCode).toBe("748551423");
    expect(grid.some((r) => r.region === "ICP") && grid.some((r) => r.region === "INTL")).toBe(true);
    expect(new Set(grid.map((r) => r.region)).size).toBe(29); // 27 EU countries + ICP + International
    const shop = await t.db.sandboxTenant.findUniqueOrThrow({ where: { system_tenant: { system: "ccvshop", tenant: "demo-ccvshop-rompslomp" } } });
    expect(JSON.stringify(shop.state)).toContain("http://localhost:3000/api/webhooks/ccvshop/DEMO-CCVSHOP-ROMPSLOMP");
  });

  it("logs in as demo@example.com / demo", async () => {
    expect((await authenticate(t.db, "demo@example.com", "demo")).ok).toBe(true);
  });

  it("adds an operator login of its own account in sandbox mode", async () => {
    const operator = await t.db.user.findUniqueOrThrow({ where: { email: "operator@example.com" }, include: { account: { include: { integrations: true } } } });
    expect(operator.role).toBe("operator");
    expect(operator.account.name).toBe("Boekkoppeling support");
    expect(operator.account.integrations).toHaveLength(0);
    expect((await authenticate(t.db, "operator@example.com", "operator")).ok).toBe(true);
  });
});
