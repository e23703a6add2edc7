import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { assertProperty, brief, HUGE, hugeString, malformedBody, namedBadBodies, nastyString, wrongType, type RawBody } from "@/lib/testing/malformed";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * Bad input on the form paths: the route handlers and server actions that take what a merchant (or
 * anyone posing as one) types or posts: signup, settings, the VAT grid, credential forms, alert
 * switches, notification address, tickets, exports, bulk Process. Garbage gets a specific
 * validation answer (a 4xx, an error state or a redirect with a notice), never a 500 or an
 * unexpected exception, and nothing else in the database changes.
 */
const APP = "http://localhost:3000";
const SEED = 4444;
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 25);

const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
vi.mock("@/lib/auth/session", () => ({
  currentAccount: async () => session.current,
  requireAccount: async () => { if (!session.current) throw new Error("no session in this test"); return session.current; },
}));
vi.mock("@/lib/i18n/request-locale", () => ({ requestLocale: async () => "en", visitorLocale: async () => "en", LOCALE_COOKIE: "locale" }));
vi.mock("@/lib/dashboard/send-process-events", () => ({ sendProcessEvents: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
/** redirect() ends a server action by throwing; here it throws something the test can read. */
class Redirect extends Error { constructor(readonly to: string) { super(`redirect ${to}`); } }
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Redirect(to); }, notFound: () => { throw new Redirect("404"); } }));

const { POST: bulkProcess } = await import("./api/integrations/[integrationId]/bulk-process/route");
const { POST: retryGroup } = await import("./api/integrations/[integrationId]/error-groups/retry/route");
const { GET: exportList } = await import("./api/integrations/[integrationId]/exports/[list]/route");
const { POST: reportProblem } = await import("./api/integrations/[integrationId]/documents/[documentId]/ticket/route");
const { POST: askQuestion } = await import("./api/support/tickets/route");
const { POST: chooseLocale } = await import("./api/locale/route");
const { signUpAction } = await import("./(public)/signup/actions");
const { saveConfiguration } = await import("./dashboard/[integrationId]/configuration/actions");
const { saveAlertSettings } = await import("./dashboard/profile/alert-actions");
const { updateNotificationEmail } = await import("./dashboard/profile/actions");
const { saveVatGrid, connectWithCredentials, savePayments, addPaymentMethod } = await import("./install/[licenseKey]/actions");

const t = useDemoDatabase(APP);
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const me = { integrationId: "", documentId: "" };

beforeAll(async () => {
  const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY }, include: { account: { include: { users: true } } } });
  session.current = { userId: integration.account.users[0]!.id, accountId: integration.accountId, email: integration.account.users[0]!.email };
  me.integrationId = integration.id;
  me.documentId = (await t.db.document.create({ data: { integrationId: integration.id, kind: "order", sourceId: "err-1", status: "error", errorCode: "totals_mismatch", errorDetail: "The totals do not add up.", rawPayload: {} } })).id;
});

/** Everything a merchant's input may change, as one comparable text. */
async function snapshot(): Promise<string> {
  const [accounts, users, integrations, settings, vat, methods, connections, documents, tickets, messages, prefs] = await Promise.all([
    t.db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, locale: true, notificationEmail: true } }),
    t.db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true } }),
    t.db.integration.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, name: true } }),
    t.db.integrationSetting.findMany({ orderBy: [{ integrationId: "asc" }, { key: "asc" }], select: { integrationId: true, key: true, value: true } }),
    t.db.vatMapping.findMany({ orderBy: { id: "asc" } }),
    t.db.paymentMethodMapping.findMany({ orderBy: { id: "asc" } }),
    t.db.connection.findMany({ orderBy: { id: "asc" }, select: { id: true, credentialsEnc: true, status: true, baseUrl: true } }),
    t.db.document.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, errorCode: true } }),
    t.db.ticket.count(),
    t.db.ticketMessage.count(),
    t.db.alertPreference.findMany({ orderBy: { accountId: "asc" } }),
  ]);
  return JSON.stringify({ accounts, users, integrations, settings, vat, methods, connections, documents, tickets, messages, prefs });
}

const bytes = (body: RawBody) => (typeof body === "string" ? new TextEncoder().encode(body) : body);
const request = (url: string, body: RawBody, contentType = "application/json") =>
  new Request(url, { method: "POST", body: bytes(body) as BodyInit, headers: { "content-type": contentType } });

/** A route handler's answer to garbage: a 4xx (or a redirect for form posts) with a reason; never a 5xx. */
async function expectRefused(res: Response, what: string) {
  expect(res.status, `${what} answered ${res.status}: ${brief(await res.clone().text())}`).toBeLessThan(500);
  if (res.status >= 400 && res.headers.get("content-type")?.includes("json")) {
    const answer = (await res.json()) as { error?: string; message?: string };
    expect(answer.message?.length ?? 0, `${what}: ${brief(answer)}`).toBeGreaterThan(5);
  }
}

/** A form whose fields are `names`, each given a garbage value (or left out, or given twice). */
const garbageForm = (names: string[]) =>
  fc.tuple(...names.map((name) => fc.oneof(fc.constant<[string, string][]>([]), fc.oneof(nastyString(), wrongType().map((v) => String(JSON.stringify(v)))).map((v): [string, string][] => [[name, v]]), fc.constant<[string, string][]>([[name, "a"], [name, "b"]]))))
    .map((entries) => {
      const form = new FormData();
      for (const [name, value] of entries.flat()) form.append(name, value);
      return form;
    });

/** Runs a server action on garbage: it may answer with an error state or redirect; it may not throw anything else. */
async function action<T>(run: () => Promise<T>): Promise<{ state?: T; redirect?: string }> {
  try {
    return { state: await run() };
  } catch (err) {
    if (err instanceof Redirect) return { redirect: err.to };
    throw err;
  }
}

describe("route handlers", () => {
  it.each([
    ["bulk Process", { documentIds: ["x"] }, (body: RawBody) => bulkProcess(request(`${APP}/x`, body), { params: Promise.resolve({ integrationId: me.integrationId }) })],
    ["retry an error group", { code: "totals_mismatch", params: {}, period: "30d" }, (body: RawBody) => retryGroup(request(`${APP}/x`, body), { params: Promise.resolve({ integrationId: me.integrationId }) })],
    ["Report problem", { message: "It broke" }, (body: RawBody) => reportProblem(request(`${APP}/x`, body), { params: Promise.resolve({ integrationId: me.integrationId, documentId: me.documentId }) })],
    ["ask a question", { subject: "Help", message: "How?" }, (body: RawBody) => askQuestion(request(`${APP}/x`, body), undefined as never)],
    ["language switcher", { locale: "nl", back: "/" }, (body: RawBody) => chooseLocale(request(`${APP}/api/locale`, body))],
  ] as const)("%s: garbage bodies get a 4xx with a reason and change nothing", async (what, example, post) => {
    await assertProperty(
      fc.asyncProperty(malformedBody(example as Record<string, unknown>), async (body) => {
        const before = await snapshot();
        const res = await post(body);
        await expectRefused(res, what);
        if (res.status >= 400) expect(await snapshot()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS, examples: namedBadBodies(example as Record<string, unknown>).map((b): [RawBody] => [b]) },
    );
  });

  it("CSV exports: a garbage list name or period gets a 4xx with a reason", async () => {
    await assertProperty(
      fc.asyncProperty(nastyString(), nastyString(), nastyString(), async (list, from, to) => {
        // Lone surrogates cannot be put in a URL at all: replaced, the rest goes as typed.
        const q = (v: string) => encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "?"));
        const url = `${APP}/api/integrations/${me.integrationId}/exports/${q(list)}?from=${q(from)}&to=${q(to)}`;
        await expectRefused(await exportList(new Request(url), { params: Promise.resolve({ integrationId: me.integrationId, list }) }), "export");
      }),
      { seed: SEED, numRuns: RUNS, examples: [["report", "2026-13-45", "x"], ["errors", "9999999-01-01", ""], ["report", hugeString(HUGE), "2026-01-01"]] },
    );
  });
});

describe("server actions", () => {
  it("signup: garbage gets field errors, no account", async () => {
    await assertProperty(
      fc.asyncProperty(garbageForm(["name", "email", "company", "shopUrl", "phone", "terms", "source", "target"]), async (form) => {
        const before = await snapshot();
        const { state, redirect } = await action(() => signUpAction({ values: {}, errors: {} } as never, form));
        if (redirect) return; // accepted (a garbage-looking but valid sign-up): not this test's business
        expect((state as { formError?: string }).formError?.length ?? 0).toBeGreaterThan(5);
        expect(await snapshot()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each(["documents", "booking", "vat", "payments", "fetching", "nonsense"])("Configuration tab, %s group: garbage gets field errors and saves nothing", async (group) => {
    await assertProperty(
      fc.asyncProperty(garbageForm(["documentTrigger", "startDate", "description", "dueDays", "creditAndRebook", "viesCheck", "requesterVatNumber", "enabled", "account", "shippingAccount", "paymentCostsAccount", "region_0", "rate_0", "vat_0", "orderStatuses", "interval"]), async (form) => {
        const before = await snapshot();
        const { state } = await action(() => saveConfiguration(me.integrationId, group, { status: "idle", at: 0, errors: {} } as never, form));
        const result = state as { status: string; errors: Record<string, unknown> };
        expect(["saved", "invalid"]).toContain(result.status);
        if (result.status === "invalid") {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          expect(await snapshot()).toBe(before);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("VAT grid (wizard): rates that are no percentage, huge or control-character values are refused with a notice, the grid unchanged", async () => {
    const grid = async () => JSON.stringify(await t.db.vatMapping.findMany({ where: { integrationId: me.integrationId }, orderBy: { id: "asc" } }));
    const bad = fc.record({ region: fc.oneof(fc.constant("NL"), nastyString(), fc.constant(hugeString(5000))), rate: fc.oneof(fc.constantFrom("1e30", "-21", "101", "NaN", "12,34", "21.555", "Infinity", ""), nastyString()), vat: fc.oneof(fc.constant("HOOG"), nastyString(), fc.constant(hugeString(5000))) });
    await assertProperty(
      fc.asyncProperty(bad, async ({ region, rate, vat }) => {
        const before = await grid();
        const form = new FormData();
        form.append("region_0", region);
        form.append("rate_0", rate);
        form.append("vat_0", vat);
        const { redirect } = await action(() => saveVatGrid(KEY, form));
        expect(redirect).toMatch(/^\/install\//);
        const valid = /^[A-Z]{2,3}$/.test(region) && /^\d{1,2}(\.\d{1,2})?$/.test(rate) && vat.length > 0 && vat.length <= 100 && ![...vat].some((c) => c.charCodeAt(0) < 32);
        if (!valid && vat !== "") expect(await grid(), `saved ${brief({ region, rate, vat })}`).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS, examples: [[{ region: "NL", rate: "1e30", vat: "HOOG" }], [{ region: "NL\u0000", rate: "21", vat: "HOOG" }], [{ region: "NL", rate: "21", vat: hugeString(HUGE) }], [{ region: "NL", rate: "-21", vat: "HOOG" }]] },
    );
  });

  it("payment methods (wizard) and credential forms: garbage gets a notice or an error state, never an exception", async () => {
    await assertProperty(
      fc.asyncProperty(garbageForm(["name", "method", "debtorId", "account", "enabled", "apiKey", "username", "publicKey", "secretKey", "shopUrl", "apiToken"]), fc.constantFrom<"source" | "target">("source", "target"), async (form, side) => {
        await action(() => addPaymentMethod(KEY, form));
        await action(() => savePayments(KEY, form));
        const { state } = await action(() => connectWithCredentials(KEY, side, { values: {} } as never, form));
        if (state) expect((state as { error?: string }).error?.length ?? 0).toBeGreaterThan(5);
      }),
      { seed: SEED, numRuns: Math.max(5, Math.round(RUNS / 3)) },
    );
  });

  it("profile: alert switches and the notification address refuse garbage with a message, changing nothing", async () => {
    await assertProperty(
      fc.asyncProperty(garbageForm(["form", "newCause", "digest", "reconnect", "weekly", "notificationEmail", "email"]), async (form) => {
        const before = await snapshot();
        const alerts = (await action(() => saveAlertSettings({ ok: false, message: "" } as never, form))).state as { ok: boolean; message: string };
        expect(alerts.message.length).toBeGreaterThan(3);
        if (!alerts.ok) expect(await snapshot()).toBe(before);
        const again = await snapshot();
        const email = (await action(() => updateNotificationEmail({} as never, form))).state as { ok?: boolean; error?: string; message?: string } | undefined;
        if (email && email.ok === false) expect(await snapshot()).toBe(again);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
