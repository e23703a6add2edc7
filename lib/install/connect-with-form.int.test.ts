import { beforeAll, describe, expect, it } from "vitest";
import { sandboxApiToken, seedAdministration } from "@/connectors/eboekhouden/sandbox/seed";
import { sandboxCredentials as factuursturenLogin } from "@/connectors/factuursturen/sandbox/credentials";
import { sandboxCredentials as magento1Keys } from "@/connectors/magento1/sandbox/credentials";
import { sandboxCredentials as magento2Keys } from "@/connectors/magento2/sandbox/credentials";
import { sandboxApiKey as prestashopKey } from "@/connectors/prestashop/sandbox/credentials";
import { sandboxApiKey as wefactKey } from "@/connectors/wefact/sandbox/seed";
import { seedWizardIntegrations } from "@/e2e/seeds/wizard";
import { openCredentials } from "../crypto/secrets";
import { settingsMap } from "../integrations/settings";
import { completeInstall } from "./complete-install";
import { connectWithForm } from "./connect-with-form";
import { useDemoDatabase } from "@/lib/db/demo-database";

const APP = "http://localhost:3000";
const t = useDemoDatabase(APP);

beforeAll(async () => {
  await seedWizardIntegrations(t.db, APP);
  // Magento shops have no e2e seed: two fresh ones here, knowing only their sandbox tenant.
  const { accountId } = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "E2E-CCVSHOP-WEFACT" } });
  for (const [licenseKey, source] of [["INT-MAGENTO2-WEFACT", "magento2"], ["INT-MAGENTO1-WEFACT", "magento1"]] as const) {
    await t.db.integration.create({
      data: {
        accountId, licenseKey, name: licenseKey, sourceSystem: source, targetSystem: "wefact", termsAcceptedAt: new Date(),
        connections: { create: [{ side: "source", system: source, baseUrl: `${APP}/sandbox/${source}/${licenseKey.toLowerCase()}` }, { side: "target", system: "wefact", baseUrl: `${APP}/sandbox/wefact/${licenseKey.toLowerCase()}` }] },
      },
    });
  }
});

const load = async (licenseKey: string) => {
  const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey }, include: { connections: true, settings: true } });
  const side = (name: string) => row.connections.find((c) => c.side === name)!;
  return { row, source: side("source"), target: side("target"), settings: settingsMap(row.settings) };
};
const idOf = async (licenseKey: string) => (await load(licenseKey)).row.id;

describe("connecting a webshop with its form", () => {
  const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
  const shopUrl = `${APP}/sandbox/prestashop/${KEY.toLowerCase()}`;

  it("answers a refused key with PrestaShop's reason and stores nothing", async () => {
    const result = await connectWithForm(await idOf(KEY), "source", { shopUrl, apiKey: "X".repeat(32) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/key/i);
    const { source } = await load(KEY);
    expect(source.credentialsEnc).toBeNull();
    expect(source.status).toBe("unknown");
  });

  it("asks for what is missing before calling the shop", async () => {
    expect(await connectWithForm(await idOf(KEY), "source", { shopUrl })).toEqual({ ok: false, error: "Fill in: Webservice key." });
  });

  it("stores the key sealed, the shop URL as the base URL, turns green and reads the statuses with the manual's default", async () => {
    const result = await connectWithForm(await idOf(KEY), "source", { shopUrl, apiKey: prestashopKey(KEY.toLowerCase()) });
    expect(result).toEqual({ ok: true, notice: "Connected to PrestaShop." });
    const { source, settings } = await load(KEY);
    expect(source.status).toBe("ok");
    expect(source.baseUrl).toBe(shopUrl);
    expect(source.credentialsEnc).not.toContain(prestashopKey(KEY.toLowerCase()));
    expect(openCredentials(source.credentialsEnc!)).toEqual({ apiKey: prestashopKey(KEY.toLowerCase()), shopUrl, auth: "basic" });
    const states = settings.orderStates as { id: string; name: string; paid: boolean }[];
    expect(states.map((s) => s.name)).toContain("Payment accepted");
    // "Payment accepted" or later: the states marked paid in this shop.
    expect((settings.source as { statuses: string[] }).statuses).toEqual(states.filter((s) => s.paid).map((s) => s.id));
    expect((settings.source as { statuses: string[] }).statuses).toContain("2");
  });

  it("Magento 2.4.4+: the store address becomes the base URL, not a credential", async () => {
    const KEY2 = "INT-MAGENTO2-WEFACT";
    const store = `${APP}/sandbox/magento2/${KEY2.toLowerCase()}`;
    const result = await connectWithForm(await idOf(KEY2), "source", { storeUrl: `${store}/`, ...magento2Keys(KEY2.toLowerCase()) });
    expect(result.ok).toBe(true);
    const { source } = await load(KEY2);
    expect(source.baseUrl).toBe(store);
    expect(source.status).toBe("ok");
    expect(openCredentials(source.credentialsEnc!)).toEqual(magento2Keys(KEY2.toLowerCase()));
  });

  it("Magento 1.9: a wrong secret is refused at the form; the right consumer is saved and waits for the yellow Connect button", async () => {
    const KEY1 = "INT-MAGENTO1-WEFACT";
    const adminUrl = `${APP}/sandbox/magento1/${KEY1.toLowerCase()}/admin`;
    const { consumerKey, consumerSecret } = magento1Keys(KEY1.toLowerCase());
    const wrong = await connectWithForm(await idOf(KEY1), "source", { adminUrl, consumerKey, consumerSecret: "0".repeat(32) });
    expect(!wrong.ok && wrong.error).toMatch(/consumer secret/);

    const result = await connectWithForm(await idOf(KEY1), "source", { adminUrl, consumerKey, consumerSecret });
    expect(result).toEqual({ ok: true, notice: expect.stringMatching(/yellow Connect button/) });
    const { source } = await load(KEY1);
    expect(source.status).toBe("unknown");
    expect(source.baseUrl).toBe(`${APP}/sandbox/magento1/${KEY1.toLowerCase()}`);
    expect(openCredentials(source.credentialsEnc!)).toEqual({ adminUrl, consumerKey, consumerSecret });
    expect(await completeInstall(await idOf(KEY1))).toMatch(/yellow Connect button/);
  });
});

describe("connecting an accounting system with its form", () => {
  it("e-Boekhouden: the API token, the one administration chosen, ledger codes and template names as ids", async () => {
    const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
    const tenant = KEY.toLowerCase();
    expect(await connectWithForm(await idOf(KEY), "target", { mode: "token" })).toEqual({ ok: false, error: "Fill in: API token." });
    const refused = await connectWithForm(await idOf(KEY), "target", { mode: "token", apiToken: "not-the-token" });
    expect(refused.ok).toBe(false);
    expect((await load(KEY)).target.credentialsEnc).toBeNull();

    const result = await connectWithForm(await idOf(KEY), "target", { mode: "token", apiToken: sandboxApiToken(tenant) });
    expect(result).toEqual({ ok: true, notice: `Connected. Administration: ${seedAdministration(tenant).company}.` });
    const { target, settings } = await load(KEY);
    expect(target.status).toBe("ok");
    expect(openCredentials(target.credentialsEnc!)).toEqual({ mode: "token", apiToken: sandboxApiToken(tenant) });
    expect((settings.target as { companyId: string }).companyId).toBe(seedAdministration(tenant).guid);
    const catalog = settings.catalog as { accounts: { id: string; code: string }[]; templates: { id: string; name: string }[] };
    expect(catalog.accounts.find((a) => a.code === "8000")?.id).toBe("8000");
    expect(catalog.templates).toContainEqual({ id: "Standaard", name: "Standaard" });
  });

  it("WeFact: the API key, its one administration", async () => {
    const KEY = "E2E-CCVSHOP-WEFACT";
    const refused = await connectWithForm(await idOf(KEY), "target", { apiKey: "0".repeat(32) });
    expect(!refused.ok && refused.error).toMatch(/API/);
    const result = await connectWithForm(await idOf(KEY), "target", { apiKey: wefactKey(KEY.toLowerCase()) });
    expect(result.ok).toBe(true);
    const { settings } = await load(KEY);
    expect((settings.target as { companyId: string }).companyId).toBe("wefact");
    expect((settings.catalog as { vatCodes: { id: string }[] }).vatCodes.map((c) => c.id)).toContain("V21");
  });

  it("Factuursturen: username and API key; the installation completes without a VAT grid", async () => {
    const KEY = "E2E-KMOSHOPS-FACTUURSTUREN";
    const login = factuursturenLogin(KEY.toLowerCase());
    const refused = await connectWithForm(await idOf(KEY), "target", { username: login.username, apiKey: "wrong" });
    expect(refused.ok).toBe(false);
    expect(await connectWithForm(await idOf(KEY), "target", login)).toEqual({ ok: true, notice: `Connected. Administration: Factuursturen (${login.username}).` });

    const id = await idOf(KEY);
    expect(await completeInstall(id)).toBe("Accept the terms and conditions first.");
    await t.db.integration.update({ where: { id }, data: { termsAcceptedAt: new Date() } });
    expect(await completeInstall(id)).toBeNull();
    const { row, source } = await load(KEY);
    expect(row.status).toBe("active");
    expect(source.status).toBe("ok");
  });

  it("a grid target still demands its VAT grid", async () => {
    const id = await idOf("E2E-CCVSHOP-WEFACT");
    await t.db.integration.update({ where: { id }, data: { termsAcceptedAt: new Date() } });
    expect(await completeInstall(id)).toBe("Configure and save the VAT rates first.");
  });
});
