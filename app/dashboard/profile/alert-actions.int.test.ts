import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ALERT_DEFAULTS, alertPreferences } from "@/lib/alerts/preferences";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";

// The signed-in merchant, as requireAccount answers it (readOnly while an operator views it).
const signedIn = { current: { userId: "u", accountId: "", email: "a@example.com" } as { userId: string; accountId: string; email: string; readOnly?: boolean } };
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ requireAccount: async () => signedIn.current, currentAccount: async () => signedIn.current }));

const { saveAlertSettings } = await import("./alert-actions");

let t: TestDb;
let accountId: string;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  accountId = (await t.db.account.create({ data: { name: "Alerts", locale: "nl" } })).id;
  signedIn.current.accountId = accountId;
});
afterAll(async () => { setDb(undefined); await t.close(); });

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return form;
};

describe("saveAlertSettings (server action)", () => {
  it("starts from the defaults and stores exactly the ticked switches, answering in the account's language", async () => {
    expect(await alertPreferences(t.db, accountId)).toEqual(ALERT_DEFAULTS);
    const state = await saveAlertSettings({}, formOf({ form: "alerts", newCause: "on", weekly: "on" }));
    expect(state).toEqual({ ok: true, message: "Opgeslagen: je keuzes voor meldingen zijn bewaard." });
    expect(await alertPreferences(t.db, accountId)).toEqual({ newCause: true, digest: false, reconnect: false, weekly: true });
  });

  it("refuses a form that is not ours, changing nothing", async () => {
    expect(await saveAlertSettings({}, formOf({ form: "alerts", digest: "yes" }))).toMatchObject({ ok: false });
    expect(await saveAlertSettings({}, formOf({ digest: "on" }))).toMatchObject({ ok: false });
    expect(await alertPreferences(t.db, accountId)).toEqual({ newCause: true, digest: false, reconnect: false, weekly: true });
  });

  it("refuses an operator viewing the account, changing nothing", async () => {
    signedIn.current = { ...signedIn.current, readOnly: true };
    const state = await saveAlertSettings({}, formOf({ form: "alerts", newCause: "on", digest: "on", reconnect: "on", weekly: "on" }));
    expect(state).toEqual({ ok: false, message: "Je bekijkt dit account als medewerker: er kan niets worden gewijzigd." });
    expect((await alertPreferences(t.db, accountId)).digest).toBe(false);
  });
});
