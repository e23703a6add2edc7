import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCredentials as ccvKeys } from "@/connectors/ccvshop/sandbox/credentials";
import { SANDBOX_APP, sandboxCredentials as kmoKeys } from "@/connectors/kmoshops/sandbox/credentials";
import { GET as ccvInstall, POST as ccvHandshake } from "@/app/api/install/ccvshop/route";
import { POST as kmoHandshake } from "@/app/api/install/kmoshops/handshake/route";
import { GET as kmoInstall } from "@/app/api/install/kmoshops/install/route";
import { openCredentials } from "../crypto/secrets";
import { setDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { ccvshopInstallUrl, ccvshopUninstallUrl } from "../install/ccvshop-app-urls";
import { integrationForInstall } from "../install/install-access";
import { APP, createMerchant, locationOf, sandboxBase, useAppFetch } from "../install/testing";
import { LICENSE_KEY_PATTERN } from "../integrations/license-key";
import { trialEnd } from "../integrations/settings";
import { startAppStoreTrial } from "./app-store-trial";

/**
 * A new customer who installed our app from the shop's app store (no license key, no login):
 * the trial form on the App Store page creates the account and the integration and connects the
 * shop, the sandbox shops' app stores playing the real handshakes in-process.
 */
let t: TestDb;
let net: ReturnType<typeof useAppFetch>;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  net = useAppFetch({
    "/api/install/ccvshop": { POST: ccvHandshake, GET: ccvInstall },
    "/api/install/kmoshops/handshake": { POST: kmoHandshake },
    "/api/install/kmoshops/install": { GET: kmoInstall },
  });
});
afterAll(async () => { net.restore(); setDb(undefined); await t.close(); });

const STORE = "onderhoud/AdminItems/AppStore";
const form = (overrides: Record<string, unknown> = {}) => ({
  target: "wefact", name: "Els de Vries", company: "De Vries Mode", email: "els@example.nl", country: "BE", locale: "nl", terms: "on", ...overrides,
});

/** Install app in the CCV sandbox shop's App Store; returns the claim ticket of the page it lands on. */
async function ccvClaimToken(tenant: string): Promise<string> {
  const page = `${sandboxBase("ccvshop", tenant)}/${STORE}/AppStore.Install.php?install_url=${encodeURIComponent(ccvshopInstallUrl())}&uninstall_url=${encodeURIComponent(ccvshopUninstallUrl())}`;
  const res = await fetch(page, { method: "POST", redirect: "manual" });
  expect(res.status).toBe(303);
  const toPage = await ccvInstall(new Request(res.headers.get("location")!));
  expect(locationOf(toPage).pathname).toBe("/install/app-store/ccvshop");
  return locationOf(toPage).searchParams.get("claim")!;
}

async function kmoClaimToken(tenant: string): Promise<string> {
  const res = await fetch(`${sandboxBase("kmoshops", tenant)}/admin/apps/install?app=${SANDBOX_APP.id}`, { method: "POST", redirect: "manual" });
  expect(res.status).toBe(303);
  const toPage = await kmoInstall(new Request(res.headers.get("location")!));
  expect(locationOf(toPage).pathname).toBe("/install/app-store/kmoshops");
  return locationOf(toPage).searchParams.get("claim")!;
}

describe("App Store install by a new customer", () => {
  it("CCV Shop: creates the account and the integration, connects the shop, marks the app installed, mails the login", async () => {
    const tenant = "ccv-new-customer";
    const token = await ccvClaimToken(tenant);
    const now = new Date();
    const result = await startAppStoreTrial(t.db, token, form(), { now });
    expect(result).toMatchObject({ status: "started", system: "ccvshop", problem: null });
    if (result.status !== "started") return;
    expect(result.licenseKey).toMatch(LICENSE_KEY_PATTERN);

    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: result.licenseKey }, include: { connections: true, settings: true, account: { include: { users: true } } } });
    expect(integration).toMatchObject({ sourceSystem: "ccvshop", targetSystem: "wefact", status: "installing", trialEndsAt: trialEnd(now) });
    expect(integration.termsAcceptedAt).toBeInstanceOf(Date);
    expect(integration.account).toMatchObject({ name: "De Vries Mode", locale: "nl", country: "BE" });
    expect(integration.account.users).toEqual([expect.objectContaining({ email: "els@example.nl", role: "owner" })]);

    // The shop's keys on the webshop connection, proven by CCV's "app installed" call.
    const source = integration.connections.find((c) => c.side === "source")!;
    expect(source).toMatchObject({ baseUrl: sandboxBase("ccvshop", tenant), status: "ok" });
    expect(openCredentials(source.credentialsEnc!)).toEqual(ccvKeys(tenant));
    expect(integration.settings.find((s) => s.key === "appStore")?.value).toMatchObject({ system: "ccvshop", shopId: `pk_${tenant}` });
    expect(await (await fetch(`${sandboxBase("ccvshop", tenant)}/${STORE}/AppStore.Return.php?Id=12970`)).text()).toContain("App installed");
    expect(await t.db.pendingInstall.count({ where: { system: "ccvshop", shopKey: `pk_${tenant}`, completedAt: null } })).toBe(0);

    // The wizard opens by key (installing); the mail brings the login and says the shop is connected.
    expect((await integrationForInstall(t.db, result.licenseKey, null))?.id).toBe(integration.id);
    const mail = await t.db.mail.findFirstOrThrow({ where: { to: "els@example.nl", kind: "registration" } });
    expect(mail.text).toContain(`Installatie-URL: ${APP()}/install/${result.licenseKey}`);
    expect(mail.text).toMatch(/^Wachtwoord: \S+$/m);
    expect(mail.text).toContain("Je CCV Shop-webwinkel is al gekoppeld via de app store.");

    // The same ticket cannot create a second integration.
    expect(await startAppStoreTrial(t.db, token, form({ email: "someone-else@example.nl" }))).toEqual({ status: "expired" });
    expect(await t.db.user.count({ where: { email: "someone-else@example.nl" } })).toBe(0);
  });

  it("KMO Shops: the same, with the trial to the first of next month", async () => {
    const token = await kmoClaimToken("kmo-new-customer");
    const result = await startAppStoreTrial(t.db, token, form({ email: "kmo-new@example.nl", target: "factuursturen", locale: "en" }));
    expect(result).toMatchObject({ status: "started", system: "kmoshops", problem: null });
    if (result.status !== "started") return;
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: result.licenseKey }, include: { connections: true } });
    expect(integration).toMatchObject({ sourceSystem: "kmoshops", targetSystem: "factuursturen", trialEndsAt: trialEnd() });
    const source = integration.connections.find((c) => c.side === "source")!;
    expect(source).toMatchObject({ baseUrl: sandboxBase("kmoshops", "kmo-new-customer"), status: "ok" });
    expect(openCredentials(source.credentialsEnc!)).toEqual(kmoKeys("kmo-new-customer"));
  });

  it("asks an address that already has a login to log in instead, and leaves the install open for that", async () => {
    const existing = await createMerchant(t.db, "has-account@example.nl");
    const token = await ccvClaimToken("ccv-existing-customer");
    expect(await startAppStoreTrial(t.db, token, form({ email: "Has-Account@example.nl" }))).toEqual({ status: "existing-account", email: "has-account@example.nl" });
    expect(await t.db.integration.count({ where: { accountId: existing.accountId } })).toBe(0);
    expect(await t.db.pendingInstall.count({ where: { system: "ccvshop", shopKey: "pk_ccv-existing-customer", completedAt: null } })).toBe(1);
  });

  it("answers invalid fields without using up the install; a forged or unknown ticket is expired", async () => {
    const token = await ccvClaimToken("ccv-invalid-form");
    expect(await startAppStoreTrial(t.db, token, form({ target: "exact", terms: "" }))).toEqual({ status: "invalid", errors: { target: "targetRequired", terms: "termsRequired" } });
    expect(await t.db.pendingInstall.count({ where: { system: "ccvshop", shopKey: "pk_ccv-invalid-form", completedAt: null } })).toBe(1);
    expect(await startAppStoreTrial(t.db, "not-a-ticket", form({ email: "forged@example.nl" }))).toEqual({ status: "expired" });
  });
});
