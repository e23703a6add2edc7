import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountSession } from "../auth/session";
import { createTestDb, type TestDb } from "../db/testing";
import { integrationForInstall } from "./install-access";
import { licenseKeyProblem } from "./license-key-problem";
import { createInstallingIntegration, createMerchant } from "./testing";

/** /install/<key>: who gets the wizard, and what everyone else is told instead of a bare 404. */
let t: TestDb;
let owner: AccountSession;
let stranger: AccountSession;
const cancelledAt = new Date("2026-11-20T09:30:00Z");

beforeAll(async () => {
  t = await createTestDb();
  const o = await createMerchant(t.db, "owner@example.nl");
  const s = await createMerchant(t.db, "stranger@example.nl");
  owner = { userId: o.userId, accountId: o.accountId, email: o.email };
  stranger = { userId: s.userId, accountId: s.accountId, email: s.email };
  await createInstallingIntegration(t.db, { accountId: o.accountId, licenseKey: "BK-INSTALLING", source: "prestashop", target: "wefact" });
  await createInstallingIntegration(t.db, { accountId: o.accountId, licenseKey: "BK-ACTIVE", source: "magento2", target: "rompslomp", status: "active" });
  await createInstallingIntegration(t.db, { accountId: o.accountId, licenseKey: "BK-PAUSED", source: "magento2", target: "rompslomp", status: "paused" });
  const cancelled = await createInstallingIntegration(t.db, { accountId: o.accountId, licenseKey: "BK-CANCELLED", source: "ccvshop", target: "wefact", status: "cancelled" });
  await t.db.integration.update({ where: { id: cancelled.id }, data: { cancelledAt } });
});
afterAll(async () => { await t.close(); });

const opens = async (key: string, session: AccountSession | null) => (await integrationForInstall(t.db, key, session))?.licenseKey ?? null;

describe("the wizard by license key", () => {
  it("opens an installing integration for anyone holding the key, an installed one only for its signed-in owner", async () => {
    expect(await opens("BK-INSTALLING", null)).toBe("BK-INSTALLING");
    expect(await opens("BK-INSTALLING", stranger)).toBe("BK-INSTALLING");
    expect(await opens("BK-ACTIVE", owner)).toBe("BK-ACTIVE");
    expect(await opens("BK-PAUSED", owner)).toBe("BK-PAUSED");
    expect(await opens("BK-ACTIVE", null)).toBeNull();
    expect(await opens("BK-ACTIVE", stranger)).toBeNull();
  });

  it("stays closed for a cancelled integration, also for its owner", async () => {
    expect(await opens("BK-CANCELLED", owner)).toBeNull();
    expect(await opens("BK-CANCELLED", null)).toBeNull();
  });
});

describe("why the wizard does not open", () => {
  it("an unknown key is unknown, whoever asks", async () => {
    expect(await licenseKeyProblem(t.db, "NOT-A-KEY", null)).toEqual({ kind: "unknown" });
    expect(await licenseKeyProblem(t.db, "NOT-A-KEY", owner)).toEqual({ kind: "unknown" });
  });

  it("a cancelled integration says when it was cancelled and for which shop", async () => {
    expect(await licenseKeyProblem(t.db, "BK-CANCELLED", null)).toEqual({ kind: "cancelled", licenseKey: "BK-CANCELLED", cancelledAt, sourceSystem: "ccvshop" });
    expect(await licenseKeyProblem(t.db, "bk-cancelled", owner)).toMatchObject({ kind: "cancelled", licenseKey: "BK-CANCELLED" });
  });

  it("an installed integration reached by a stranger asks to log in, not 'unknown'", async () => {
    expect(await licenseKeyProblem(t.db, "BK-ACTIVE", null)).toEqual({ kind: "login", licenseKey: "BK-ACTIVE", signedInElsewhere: false });
    expect(await licenseKeyProblem(t.db, "BK-PAUSED", stranger)).toEqual({ kind: "login", licenseKey: "BK-PAUSED", signedInElsewhere: true });
    expect(await licenseKeyProblem(t.db, "bk-active", null)).toEqual({ kind: "login", licenseKey: "BK-ACTIVE", signedInElsewhere: false });
  });

  it("a key typed in lower case goes to the wizard of the key as issued, where that wizard is open to the visitor", async () => {
    expect(await licenseKeyProblem(t.db, "bk-installing", null)).toEqual({ kind: "other-case", licenseKey: "BK-INSTALLING" });
    expect(await licenseKeyProblem(t.db, "bk-active", owner)).toEqual({ kind: "other-case", licenseKey: "BK-ACTIVE" });
  });
});
