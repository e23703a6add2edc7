import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { GET } from "./exports/[list]/route";
import { POST as bulkProcess } from "./bulk-process/route";
import { POST as retryGroup } from "./error-groups/retry/route";

// The list routes: logged in, own integration only, validated input; the process events are
// recorded here instead of being sent to Inngest.
const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
const sent = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));
vi.mock("@/lib/i18n/request-locale", () => ({ requestLocale: async () => "en" }));
vi.mock("@/lib/dashboard/send-process-events", () => ({ sendProcessEvents: async (_: string, ids: string[]) => { sent.push(...ids); } }));

let t: TestDb;
const a = { accountId: "", integrationId: "", userId: "", errorId: "", bookedId: "" };
const b = { accountId: "", integrationId: "", userId: "" };

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  for (const [who, name] of [[a, "A"], [b, "B"]] as const) {
    const account = await t.db.account.create({
      data: { name, users: { create: { email: `${name}@example.com`, passwordHash: "x" } }, integrations: { create: { licenseKey: `${name}-ROUTES`, name, sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "active" } } },
      include: { users: true, integrations: true },
    });
    Object.assign(who, { accountId: account.id, integrationId: account.integrations[0]!.id, userId: account.users[0]!.id });
  }
  const error = await t.db.document.create({ data: { integrationId: a.integrationId, kind: "order", sourceId: "1", status: "error", rawPayload: {}, errorCode: "vat_rate_unmapped", errorParams: { region: "DE", rate: "19" } } });
  const booked = await t.db.document.create({ data: { integrationId: a.integrationId, kind: "order", sourceId: "2", sourceNumber: "WEB-2", status: "booked", rawPayload: {}, totalInclVat: "10.00", bookedAt: new Date("2026-11-02T10:00:00Z") } });
  Object.assign(a, { errorId: error.id, bookedId: booked.id });
});
afterAll(async () => { setDb(undefined); await t.close(); });

const as = (who: { userId: string; accountId: string }) => { session.current = { userId: who.userId, accountId: who.accountId, email: "x@example.com" }; };
const exportOf = (integrationId: string, list: string, query = "") =>
  GET(new Request(`http://localhost:3000/api/integrations/${integrationId}/exports/${list}${query}`), { params: Promise.resolve({ integrationId, list }) });
const post = (handler: typeof bulkProcess, integrationId: string, body: unknown) =>
  handler(new Request("http://localhost:3000/x", { method: "POST", body: JSON.stringify(body) }), { params: Promise.resolve({ integrationId }) });

describe("CSV export route", () => {
  it("needs a login and the merchant's own integration", async () => {
    session.current = null;
    expect((await exportOf(a.integrationId, "report")).status).toBe(401);
    as(b);
    expect((await exportOf(a.integrationId, "report")).status).toBe(404);
  });

  it("refuses an unknown list and a malformed period", async () => {
    as(a);
    expect((await exportOf(a.integrationId, "everything")).status).toBe(404);
    const bad = await exportOf(a.integrationId, "report", "?from=02-11-2026");
    expect([bad.status, (await bad.json()).message]).toEqual([400, "Enter dates as YYYY-MM-DD."]);
  });

  it("streams the CSV as an attachment, within the period", async () => {
    as(a);
    const res = await exportOf(a.integrationId, "report", "?from=2026-11-01&to=2026-11-30");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="A-ROUTES-report-2026-11-01_2026-11-30.csv"');
    const text = await res.text();
    expect(text.split("\r\n")[1]).toBe("2026-11-02T10:00:00.000Z;Order;WEB-2;2;;;;10.00;;;");
    expect((await (await exportOf(a.integrationId, "report", "?to=2026-11-01")).text()).split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("bulk Process and retry a group", () => {
  it("validates the body and refuses another merchant's integration", async () => {
    as(a);
    expect((await post(bulkProcess, a.integrationId, { documentIds: [] })).status).toBe(400);
    expect((await post(bulkProcess, a.integrationId, { documentIds: Array.from({ length: 201 }, (_, i) => `x${i}`) })).status).toBe(400);
    as(b);
    expect((await post(bulkProcess, a.integrationId, { documentIds: [a.errorId] })).status).toBe(404);
    expect((await post(retryGroup, a.integrationId, { key: "vat_rate_unmapped|rate=19|region=DE" })).status).toBe(404);
    expect(sent).toEqual([]);
  });

  it("says so when nothing of the selection can be processed (a booked document)", async () => {
    as(a);
    const res = await post(bulkProcess, a.integrationId, { documentIds: [a.bookedId] });
    expect([res.status, (await res.json()).queued]).toEqual([409, 0]);
  });

  it("retries a group and sends one process event per document", async () => {
    as(a);
    const res = await post(retryGroup, a.integrationId, { key: "vat_rate_unmapped|rate=19|region=DE" });
    expect([res.status, (await res.json()).message]).toEqual([202, "1 document queued again."]);
    expect(sent).toEqual([a.errorId]);
    expect((await post(retryGroup, a.integrationId, { key: "vat_rate_unmapped|rate=19|region=DE" })).status).toBe(404);
  });
});
