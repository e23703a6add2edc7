import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { createTestDb, type TestDb } from "../db/testing";
import { LICENSE_KEY_PATTERN } from "../integrations/license-key";
import { signUp, type SignedUp } from "./sign-up";
import { SIGNUP_THROTTLE } from "./signup-throttle";
import { TERMS_VERSION } from "./terms";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

const APP = "http://shop.test";
const form = (overrides: Record<string, unknown> = {}) => ({
  source: "prestashop", target: "eboekhouden", name: "Jan Jansen", company: "Jansen Webwinkel B.V.",
  email: "Jan@Example.nl", country: "nl", locale: "nl", terms: "on", ...overrides,
});
const options = { appUrl: APP, sandbox: true, supportEmail: "support@shop.test" };
const created = (result: Awaited<ReturnType<typeof signUp>>): SignedUp => {
  expect(result.status).toBe("created");
  return result as SignedUp;
};
/** The password as the registration mail states it. */
const passwordIn = (text: string) => /^(?:Wachtwoord|Password): (\S+)$/m.exec(text)?.[1];

describe("trial sign-up", () => {
  it("creates the account, the owner login and an installing integration, and mails the details in the chosen language", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const result = created(await signUp(t.db, form(), { ...options, now }));
    expect(result).toMatchObject({ email: "jan@example.nl", locale: "nl", newLogin: true });
    expect(result.licenseKey).toMatch(LICENSE_KEY_PATTERN);

    const account = await t.db.account.findUniqueOrThrow({ where: { id: result.accountId }, include: { users: true } });
    expect(account).toMatchObject({ name: "Jansen Webwinkel B.V.", locale: "nl", country: "NL" });
    expect(account.users).toEqual([expect.objectContaining({ email: "jan@example.nl", name: "Jan Jansen", role: "owner" })]);

    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: result.licenseKey }, include: { connections: true } });
    expect(integration).toMatchObject({
      accountId: result.accountId, sourceSystem: "prestashop", targetSystem: "eboekhouden", status: "installing",
      termsAcceptedAt: now, termsVersion: TERMS_VERSION, trialEndsAt: new Date("2026-12-23T10:00:00Z"),
    });
    const tenant = result.licenseKey.toLowerCase();
    expect(integration.connections.map((c) => [c.side, c.system, c.baseUrl, c.credentialsEnc]).sort()).toEqual([
      ["source", "prestashop", null, null],
      ["target", "eboekhouden", `${APP}/sandbox/eboekhouden/${tenant}`, null],
    ]);

    const mail = await t.db.mail.findUniqueOrThrow({ where: { id: result.mailId } });
    expect(mail).toMatchObject({ kind: "registration", locale: "nl", to: "jan@example.nl", accountId: result.accountId });
    expect(mail.subject).toBe("Je proefperiode van Boekkoppeling: PrestaShop → e-Boekhouden");
    expect(mail.text).toContain(`Installatie-URL: ${APP}/install/${result.licenseKey}`);
    expect(mail.text).toContain(`Inlog-URL: ${APP}/login`);
    expect(mail.text).toContain("E-mailadres: jan@example.nl");
    expect(mail.text).toContain(`Licentiesleutel: ${result.licenseKey}`);
    expect(mail.text).toContain("Einde proefperiode: 23-12-2026");

    // The password in the mail is the login's: it works, and it is stored only as a hash.
    const password = passwordIn(mail.text)!;
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(await authenticate(t.db, "jan@example.nl", password)).toMatchObject({ ok: true, user: { accountId: result.accountId } });
    expect(await t.dump()).not.toContain(password.replace(/-/g, "")); // not even without its dashes
    expect((await t.dump()).split(password).length - 1).toBe(1); // only in the kept mail
  });

  it("a second sign-up with the same email reuses the account and its login: a second integration with its own key, no new password", async () => {
    const first = created(await signUp(t.db, form({ email: "twice@example.nl", locale: "en" }), options));
    const firstMail = await t.db.mail.findUniqueOrThrow({ where: { id: first.mailId } });
    const password = passwordIn(firstMail.text)!;
    const hashBefore = (await t.db.user.findUniqueOrThrow({ where: { email: "twice@example.nl" } })).passwordHash;

    const second = created(await signUp(t.db, form({ email: " TWICE@example.nl ", source: "magento2", target: "rompslomp", company: "Other name", country: "BE", locale: "en" }), options));
    expect(second).toMatchObject({ accountId: first.accountId, userId: first.userId, newLogin: false });
    expect(second.licenseKey).not.toBe(first.licenseKey);
    expect(await t.db.user.count({ where: { email: "twice@example.nl" } })).toBe(1);
    expect(await t.db.account.count({ where: { users: { some: { email: "twice@example.nl" } } } })).toBe(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "twice@example.nl" } })).passwordHash).toBe(hashBefore);
    // The account keeps what it was created with.
    expect(await t.db.account.findUniqueOrThrow({ where: { id: first.accountId } })).toMatchObject({ country: "NL", locale: "en" });
    expect(await t.db.integration.findMany({ where: { accountId: first.accountId }, select: { licenseKey: true, sourceSystem: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { licenseKey: first.licenseKey, sourceSystem: "prestashop" },
      { licenseKey: second.licenseKey, sourceSystem: "magento2" },
    ]);

    const mail = await t.db.mail.findUniqueOrThrow({ where: { id: second.mailId } });
    expect(mail.locale).toBe("en");
    expect(mail.text).toContain(`Installation URL: ${APP}/install/${second.licenseKey}`);
    expect(mail.text).toContain("log in with the password you already use");
    expect(mail.text).not.toMatch(/^Password:/m);
    expect(mail.text).not.toContain(password);
    expect(await authenticate(t.db, "twice@example.nl", password)).toMatchObject({ ok: true });
  });

  it("answers every invalid field with its own message key and creates nothing", async () => {
    const before = await t.db.integration.count();
    const result = await signUp(t.db, { source: "shopify", target: "", name: " ", company: "x".repeat(121), email: "jan@", country: "XX", locale: "de" }, options);
    expect(result).toEqual({
      status: "invalid",
      errors: {
        source: "sourceRequired", target: "targetRequired", name: "nameRequired", company: "companyTooLong",
        email: "emailInvalid", country: "countryUnknown", locale: "localeInvalid", terms: "termsRequired",
      },
    });
    expect(await signUp(t.db, form({ email: "", country: "" }), options)).toEqual({ status: "invalid", errors: { email: "emailRequired", country: "countryRequired" } });
    expect(await t.db.integration.count()).toBe(before);
  });

  it("throttles sign-ups per client address with the time they may resume", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    for (let i = 0; i < SIGNUP_THROTTLE.perIp; i++) {
      created(await signUp(t.db, form({ email: `many${i}@example.nl` }), { ...options, ip: "203.0.113.9", now }));
    }
    const refused = await signUp(t.db, form({ email: "one-more@example.nl" }), { ...options, ip: "203.0.113.9", now });
    expect(refused).toEqual({ status: "throttled", retryAt: new Date(now.getTime() + SIGNUP_THROTTLE.windowMs) });
    expect(await t.db.user.count({ where: { email: "one-more@example.nl" } })).toBe(0);
    // Another address is not affected; the window's end lets this one in again.
    created(await signUp(t.db, form({ email: "neighbour@example.nl" }), { ...options, ip: "203.0.113.10", now }));
    created(await signUp(t.db, form({ email: "one-more@example.nl" }), { ...options, ip: "203.0.113.9", now: new Date(now.getTime() + SIGNUP_THROTTLE.windowMs) }));
    expect(await t.db.loginThrottle.findUnique({ where: { key: "signup-ip:203.0.113.9" } })).toMatchObject({ failures: 1 });
  });

  it("retries with a new license key when the generated one is taken", async () => {
    const taken = created(await signUp(t.db, form({ email: "taken@example.nl" }), options)).licenseKey;
    const keys = [taken, taken, "BK-AAAAA-BBBBB-CCCCC-DDDDD"];
    const result = created(await signUp(t.db, form({ email: "collision@example.nl" }), { ...options, newLicenseKey: () => keys.shift()! }));
    expect(result.licenseKey).toBe("BK-AAAAA-BBBBB-CCCCC-DDDDD");
    expect(keys).toEqual([]);
    // The failed attempts left nothing behind: one account, one login, one integration.
    expect(await t.db.user.count({ where: { email: "collision@example.nl" } })).toBe(1);
    expect(await t.db.integration.count({ where: { accountId: result.accountId } })).toBe(1);
  });

  it("an App Store sign-up refuses an address that already has a login", async () => {
    created(await signUp(t.db, form({ email: "has-login@example.nl" }), options));
    expect(await signUp(t.db, form({ email: "has-login@example.nl", source: "ccvshop" }), { ...options, requireNewAccount: true })).toEqual({ status: "existing-account", email: "has-login@example.nl" });
  });
});
