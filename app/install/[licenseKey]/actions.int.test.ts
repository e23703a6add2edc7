import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sandboxCredentials as factuursturenLogin } from "@/connectors/factuursturen/sandbox/credentials";
import { sandboxApiKey as prestashopKey } from "@/connectors/prestashop/sandbox/credentials";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { seedWizardIntegrations } from "@/e2e/seeds/wizard";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { settingsMap } from "@/lib/integrations/settings";

// Next's request-bound helpers: a redirect is thrown (as Next does) so the test sees where it goes.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: (url: string) => { throw new Redirect(url); } }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => null }));
// The visitor's language comes from the switcher's cookie (no one is signed in here).
const visitor = vi.hoisted(() => ({ locale: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "locale" && visitor.locale ? { value: visitor.locale } : undefined) }),
  headers: async () => new Headers(),
}));
class Redirect extends Error {
  constructor(readonly url: string) { super(`redirect to ${url}`); }
}

const { acceptTerms, chooseOrderStatuses, connectWithCredentials, finishInstall, savePayments } = await import("./actions");

const APP = "http://localhost:3000";
let t: TestDb;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  await seedWizardIntegrations(t.db, APP);
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};
const redirectOf = async (work: Promise<unknown>) => {
  const thrown = await work.then(() => null, (err: unknown) => err);
  expect(thrown).toBeInstanceOf(Redirect);
  return new URL((thrown as Redirect).url, APP);
};

describe("wizard actions", () => {
  it("refuses the credential form before the terms are accepted", async () => {
    const state = await connectWithCredentials("E2E-KMOSHOPS-FACTUURSTUREN", "target", { values: {} }, formOf([["username", "x"], ["apiKey", "y"]]));
    expect(state).toEqual({ error: "Accept the terms and conditions first.", values: {} });
  });

  it("answers a failed connect with the message and the typed values, never the secret", async () => {
    const KEY = "E2E-KMOSHOPS-FACTUURSTUREN";
    await redirectOf(acceptTerms(KEY));
    const state = await connectWithCredentials(KEY, "target", { values: {} }, formOf([["username", "e2e-kmoshops-factuursturen"], ["apiKey", "wrong-key-123"]]));
    expect(state.error).toBeTruthy();
    expect(state.values).toEqual({ username: "e2e-kmoshops-factuursturen" });
    expect(JSON.stringify(state)).not.toContain("wrong-key-123");
  });

  it("goes on to the administration step once connected, and finishes without a VAT grid", async () => {
    const KEY = "E2E-KMOSHOPS-FACTUURSTUREN";
    const login = factuursturenLogin(KEY.toLowerCase());
    const to = await redirectOf(connectWithCredentials(KEY, "target", { values: {} }, formOf([["username", login.username], ["apiKey", login.apiKey]])));
    expect(to.pathname).toBe(`/install/${KEY}`);
    expect(to.searchParams.get("notice")).toMatch(/^Connected/);
    const done = await redirectOf(finishInstall(KEY));
    expect(done.pathname).toBe(`/login`); // not signed in: the owner logs in to see the dashboard
    expect((await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).status).toBe("active");
  });

  it("saves the PrestaShop statuses chosen among the shop's own", async () => {
    const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
    await redirectOf(acceptTerms(KEY));
    await redirectOf(connectWithCredentials(KEY, "source", { values: {} }, formOf([["shopUrl", `${APP}/sandbox/prestashop/${KEY.toLowerCase()}`], ["apiKey", prestashopKey(KEY.toLowerCase())]])));
    const none = await redirectOf(chooseOrderStatuses(KEY, formOf([["status", "999"]])));
    expect(none.searchParams.get("notice")).toBe("Choose at least one order status to process.");
    await redirectOf(chooseOrderStatuses(KEY, formOf([["status", "4"], ["status", "5"], ["status", "999"]])));
    const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY }, include: { settings: true } });
    expect((settingsMap(row.settings).source as { statuses: string[] }).statuses).toEqual(["4", "5"]);
  });

  it("switches payments on with a clearing account, keeping accounts set per method", async () => {
    const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
    const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } });
    await t.db.integrationSetting.upsert({
      where: { integrationId_key: { integrationId: row.id, key: "payments" } },
      create: { integrationId: row.id, key: "payments", value: { enabled: false, accounts: { paypal: "111" } } },
      update: { value: { enabled: false, accounts: { paypal: "111" } } },
    });
    const missing = await redirectOf(savePayments(KEY, formOf([["enabled", "on"]])));
    expect(missing.searchParams.get("notice")).toBe("Choose the clearing account the payments are booked on.");
    await redirectOf(savePayments(KEY, formOf([["enabled", "on"], ["account", "222"]])));
    const saved = await t.db.integrationSetting.findUniqueOrThrow({ where: { integrationId_key: { integrationId: row.id, key: "payments" } } });
    expect(saved.value).toEqual({ enabled: true, accounts: { paypal: "111", default: "222" } });
    await redirectOf(savePayments(KEY, formOf([])));
    expect((await t.db.integrationSetting.findUniqueOrThrow({ where: { integrationId_key: { integrationId: row.id, key: "payments" } } })).value).toEqual({ enabled: false, accounts: { paypal: "111", default: "222" } });
  });

  it("WeFact (payments beyond the manuals, on the invoice itself) needs no clearing account", async () => {
    const KEY = "E2E-MAGENTO2-WEFACT";
    const on = await redirectOf(savePayments(KEY, formOf([["enabled", "on"]])));
    expect(on.searchParams.get("notice")).toBe("Payments are booked against their invoices.");
    const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } });
    expect((await t.db.integrationSetting.findUniqueOrThrow({ where: { integrationId_key: { integrationId: row.id, key: "payments" } } })).value).toEqual({ enabled: true, accounts: {} });
  });

  it("answers in Dutch when the merchant chose Dutch", async () => {
    visitor.locale = "nl";
    try {
      const state = await connectWithCredentials("E2E-MAGENTO1-WEFACT", "target", { values: {} }, formOf([["apiKey", "x"]]));
      expect(state).toEqual({ error: "Accepteer eerst de algemene voorwaarden.", values: {} });
      const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
      const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } });
      await t.db.integrationSetting.update({ where: { integrationId_key: { integrationId: row.id, key: "payments" } }, data: { value: { enabled: false, accounts: {} } } });
      const missing = await redirectOf(savePayments(KEY, formOf([["enabled", "on"]])));
      expect(missing.searchParams.get("notice")).toBe("Kies de tussenrekening waarop de betalingen worden geboekt.");
    } finally {
      visitor.locale = undefined;
    }
  });
});
