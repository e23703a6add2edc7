import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { settingsMap } from "@/lib/integrations/settings";

// The signed-in merchant, as requireAccount answers it; a test switches between two accounts.
const signedIn = { current: { userId: "", accountId: "", email: "" } };
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ requireAccount: async () => signedIn.current, currentAccount: async () => signedIn.current }));

const { saveConfiguration } = await import("./actions");

let t: TestDb;
let demoAccount: string;
let integrationId: string;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  await seedDemo(t.db, "http://localhost:3000");
  const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-MAGENTO-ROMPSLOMP" } });
  demoAccount = integration.accountId;
  integrationId = integration.id;
});
afterAll(async () => { setDb(undefined); await t.close(); });

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  form.append("$ACTION_ID_abc", ""); // Next's own field: not a setting
  return form;
};
const idle = { status: "idle" as const, at: 0, errors: {} };
const pollInterval = async () => (settingsMap(await t.db.integrationSetting.findMany({ where: { integrationId } })).source as { pollIntervalMinutes?: number }).pollIntervalMinutes;

describe("saveConfiguration (server action)", () => {
  it("saves a group of the signed-in owner's integration", async () => {
    signedIn.current = { userId: "u", accountId: demoAccount, email: "demo@example.com" };
    const state = await saveConfiguration(integrationId, "fetching", idle, formOf({ pollIntervalMinutes: "20", startDate: "2026-03-01" }));
    expect(state).toMatchObject({ status: "saved", errors: {} });
    expect(await pollInterval()).toBe(20);
  });

  it("answers errors per field with the values typed", async () => {
    const state = await saveConfiguration(integrationId, "fetching", idle, formOf({ pollIntervalMinutes: "2", startDate: "2026-03-01" }));
    expect(state).toMatchObject({ status: "invalid", errors: { pollIntervalMinutes: { code: "min" } }, values: { pollIntervalMinutes: "2", startDate: "2026-03-01" } });
    expect(await pollInterval()).toBe(20);
  });

  it("refuses another merchant's integration and an unknown group, changing nothing", async () => {
    const other = await t.db.account.create({ data: { name: "Other" } });
    signedIn.current = { userId: "o", accountId: other.id, email: "other@example.com" };
    expect(await saveConfiguration(integrationId, "fetching", idle, formOf({ pollIntervalMinutes: "30", startDate: "2026-03-01" })))
      .toMatchObject({ status: "invalid", errors: { "": { code: "notFound" } } });
    signedIn.current = { userId: "u", accountId: demoAccount, email: "demo@example.com" };
    expect(await saveConfiguration(integrationId, "everything", idle, formOf({ pollIntervalMinutes: "30" })))
      .toMatchObject({ status: "invalid", errors: { "": { code: "notFound" } } });
    expect(await pollInterval()).toBe(20);
  });
});
