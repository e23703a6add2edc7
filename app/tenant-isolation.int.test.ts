import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { sealCredentials } from "@/lib/crypto/secrets";
import { createMerchant } from "@/lib/support/testing";
import { discoverEntries, PUBLIC_ENTRIES, type Entry } from "./tenant-isolation.surface";

/**
 * Tenant isolation, generated from the file system: every page, route handler and server action
 * of app/ is called as merchant B with merchant A's ids (integration, document, payment, ticket,
 * invoice, license key, account, run…) and must answer exactly as it answers for ids that do not
 * exist, that answer must be a "not found" (a 404 status, Next's notFound(), or the entry's own
 * not-found redirect or form state), and the database must be byte-for-byte unchanged. It runs in
 * production mode (SANDBOX off): sandbox conveniences such as the shared mailbox are not isolation.
 *
 * Why in-process and not over HTTP: server actions have build-specific ids and pages need a real
 * next-auth cookie; calling the exported functions with a mocked session is fast, deterministic and
 * reaches every entry point. Pages are called on their own, with params as the router passes them.
 */

const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
vi.mock("@/lib/auth/session", () => ({
  currentAccount: async () => session.current,
  signedInUser: async () => session.current,
  requireAccount: async () => { if (!session.current) throw new Redirect("/login"); return session.current; },
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  notFound: () => { throw new NotFound(); },
  redirect: (url: string) => { throw new Redirect(url); },
  permanentRedirect: (url: string) => { throw new Redirect(url); },
}));
vi.mock("next/headers", () => {
  const jar = { get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined };
  return { cookies: async () => jar, headers: async () => new Headers({ host: "localhost:3000" }) };
});
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/config/env", async (original) => ({ ...(await original<typeof import("@/lib/config/env")>()), isSandbox: () => false }));
vi.mock("@/lib/i18n/request-locale", async (original) => ({ ...(await original<typeof import("@/lib/i18n/request-locale")>()), requestLocale: async () => "en" }));
const sent = vi.hoisted(() => [] as unknown[]);
vi.mock("@/inngest/client", async (original) => {
  const real = await original<typeof import("@/inngest/client")>();
  real.inngest.send = (async (payload: unknown) => { sent.push(payload); return { ids: [] }; }) as typeof real.inngest.send;
  return real;
});

class NotFound extends Error {}
class Redirect extends Error { constructor(readonly url: string) { super(`redirect to ${url}`); } }

type Ids = Record<string, string>;
let t: TestDb;
let a: Ids;
let b: Ids;
/** Ids of the right shape that exist nowhere: the answer B must not be able to tell apart. */
const missing: Ids = {
  integrationId: "cmissingintegration000000", documentId: "cmissingdocument000000000", paymentId: "cmissingpayment0000000000",
  ticketId: "cmissingticket00000000000", invoiceId: "cmissinginvoice0000000000", licenseKey: "NOPE-0000-0000-0000-0000",
  accountId: "cmissingaccount0000000000", runId: "01MISSINGRUN0000000000000", importId: "cmissingimport00000000000", mailId: "cmissingmail0000000000000",
  paymentMethodId: "cmissingmethod00000000000",
};

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  const seed = async (name: string): Promise<Ids> => {
    const m = await createMerchant(t.db, name);
    const integration = await t.db.integration.findUniqueOrThrow({ where: { id: m.integrationId } });
    await t.db.connection.createMany({ data: [
      { integrationId: m.integrationId, side: "source", system: "ccvshop", baseUrl: "https://shop.example", status: "ok", credentialsEnc: sealCredentials({ publicKey: `${name}-pub`, secretKey: `${name}-secret` }) },
      { integrationId: m.integrationId, side: "target", system: "rompslomp", status: "ok", credentialsEnc: sealCredentials({ apiToken: `${name}-token` }) },
    ] });
    const doc = await t.db.document.create({ data: { integrationId: m.integrationId, kind: "order", sourceId: "1", sourceNumber: "1001", status: "error", rawPayload: { id: 1 }, errorCode: "vat_rate_unmapped", totalInclVat: "12.10" } });
    const payment = await t.db.payment.create({ data: { integrationId: m.integrationId, documentId: doc.id, sourceId: "p1", amount: "12.10", status: "error" } });
    const ticket = await t.db.ticket.create({ data: { accountId: m.accountId, userId: m.userId, integrationId: m.integrationId, documentId: doc.id, kind: "problem", subject: "Help", message: "It broke" } });
    const invoice = await t.db.subscriptionInvoice.create({ data: {
      accountId: m.accountId, integrationId: m.integrationId, number: `BK-${name}-1`, description: "Year", periodStart: new Date("2026-01-01"), periodEnd: new Date("2027-01-01"),
      amountExclVat: "100.00", vatRate: "21.00", vatAmount: "21.00", amountInclVat: "121.00", status: "paid",
    } });
    const historyImport = await t.db.historyImport.create({ data: { integrationId: m.integrationId, fromDate: "2026-01-01", toDate: "2026-01-31", status: "ready" } });
    const method = await t.db.paymentMethodMapping.create({ data: { integrationId: m.integrationId, method: "ideal", classification: "ideal" } });
    const mail = await t.db.mail.create({ data: { accountId: m.accountId, kind: "registration", locale: "en", to: m.email, subject: "Welcome", text: "Hi" } });
    const run = await t.db.execRun.create({ data: { id: `01RUN${name.toUpperCase().padEnd(21, "0")}`, functionId: "process-document", eventId: "e1", event: { data: { integrationId: m.integrationId, documentId: doc.id } }, status: "completed" } });
    return {
      accountId: m.accountId, userId: m.userId, email: m.email, integrationId: m.integrationId, licenseKey: integration.licenseKey,
      documentId: doc.id, paymentId: payment.id, ticketId: ticket.id, invoiceId: invoice.id, importId: historyImport.id,
      paymentMethodId: method.id, mailId: mail.id, runId: run.id,
    };
  };
  a = await seed("Alpha");
  b = await seed("Bravo");
  session.current = { userId: b.userId!, accountId: b.accountId!, email: b.email! };
});
afterAll(async () => { setDb(undefined); await t?.close(); });

// ── Calling an entry point ─────────────────────────────────────────────────

type Outcome = { kind: "notFound" } | { kind: "redirect"; url: string } | { kind: "status"; status: number; location?: string } | { kind: "returned"; value: unknown } | { kind: "threw"; message: string };

async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await work();
    if (value instanceof Response) return { kind: "status", status: value.status, location: value.headers.get("location") ?? undefined };
    return { kind: "returned", value: stripVolatile(value) };
  } catch (err) {
    if (err instanceof NotFound) return { kind: "notFound" };
    if (err instanceof Redirect) return { kind: "redirect", url: err.url };
    return { kind: "threw", message: String((err as Error)?.message ?? err) };
  }
}

/** Form states carry `at: Date.now()`; JSX carries functions: neither says anything about access. */
function stripVolatile(value: unknown): unknown {
  const seen = new WeakSet<object>();
  return JSON.parse(JSON.stringify(value ?? null, (k, v) => {
    if (k === "at" || k === "_owner" || k === "_store") return undefined;
    if (typeof v === "function") return `[function ${v.name}]`;
    if (v && typeof v === "object") { if (seen.has(v)) return "[seen]"; seen.add(v); }
    return v;
  }));
}

/** What counts as "not found": the status, Next's notFound(), or the entry's own not-found redirect or form answer. */
function isNotFound(o: Outcome): boolean {
  if (o.kind === "notFound") return true;
  if (o.kind === "status") return o.status === 404 || (o.status === 303 && /not-found/.test(o.location ?? ""));
  if (o.kind === "redirect") return /not-found/.test(o.url);
  if (o.kind === "returned") return /notFound|does not exist|No such|not yours/.test(JSON.stringify(o.value));
  return false;
}

const paramValues = (entry: Entry, ids: Ids): Record<string, string | string[]> =>
  Object.fromEntries(entry.params.map((p) => [p, p === "path" ? ["ccvshop", "x"] : p === "list" || p === "tab" ? "report" : p === "system" ? "rompslomp" : ids[p] ?? `unknown-${p}`]));

const fillPath = (entry: Entry, ids: Ids) =>
  entry.route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, p: string) => encodeURIComponent(String(paramValues(entry, ids)[p])));

/** Every id the entry might read from a body, a form or the query: A's (or the missing ones). */
const idFields = (ids: Ids) => ({
  integrationId: ids.integrationId!, documentId: ids.documentId!, paymentId: ids.paymentId!, ticketId: ids.ticketId!, invoiceId: ids.invoiceId!,
  importId: ids.importId!, subject: "Give me A's data", accountId: ids.accountId!, licenseKey: ids.licenseKey!, id: ids.paymentMethodId!, command: "cancel", message: "B was here", confirm: "yes",
});

function formOf(ids: Ids): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(idFields(ids))) form.append(k, v);
  return form;
}

async function callRoute(entry: Entry, method: string, handler: (req: Request, ctx: unknown) => Promise<Response>, ids: Ids, source: string) {
  const query = new URLSearchParams({ licenseKey: ids.licenseKey!, integrationId: ids.integrationId!, documentId: ids.documentId!, token: "forged" });
  const url = `http://localhost:3000${fillPath(entry, ids)}?${query}`;
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = !hasBody ? undefined : source.includes("formData(") ? formOf(ids) : JSON.stringify({ ...idFields(ids), documentIds: [ids.documentId], key: "vat_rate_unmapped" });
  const headers: Record<string, string> = hasBody && typeof body === "string" ? { "content-type": "application/json", origin: "http://localhost:3000" } : { origin: "http://localhost:3000" };
  return handler(new Request(url, { method, body, headers }), { params: Promise.resolve(paramValues(entry, ids)) });
}

/** Arguments for a server action, by its parameter names (the bound ids first, then the form state and the form). */
function actionArgs(fn: (...args: never[]) => unknown, ids: Ids): unknown[] {
  const names = /^[^(]*\(([^)]*)\)/.exec(fn.toString())?.[1]?.split(",").map((s) => s.trim().replace(/[=\s].*$/, "")).filter(Boolean) ?? [];
  return names.map((name) => {
    if (name in ids) return ids[name];
    if (name === "form") return formOf(ids);
    if (name === "side") return "source";
    if (name === "group") return "general";
    if (name === "what") return "statuses";
    if (name === "id") return ids.paymentMethodId;
    if (name === "query") return { month: "2026-01" };
    return {}; // a previous form state
  });
}

/**
 * The page alone, without its layouts: on a client-side navigation Next fetches only the segment
 * that changed, so a layout's check does not guard the page below it (app/ops/access.ts says so too).
 */
async function renderPage(entry: Entry, ids: Ids) {
  const params = paramValues(entry, ids);
  const page = (await import(/* @vite-ignore */ `@/${entry.file}`)).default;
  return page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
}

/** Actions of a module that take no id at all: they only ever touch the session's own account. */
const OWN_ACCOUNT_ACTIONS = new Set(["app/dashboard/profile/actions.ts#updateNotificationEmail"]);

/** The wizard opens for anyone holding the key while an integration installs; A's is installed, so B gets the key-problem page. */
const INSTALL_PAGE = "app/install/[licenseKey]/page.tsx";

// ── The generated cases ────────────────────────────────────────────────────

const entries = discoverEntries();
const tested = entries.filter((e) => !(e.file in PUBLIC_ENTRIES));

describe("the surface", () => {
  it("finds pages, route handlers and actions, and every declared public entry still exists", () => {
    expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.kind === "route").length).toBeGreaterThan(30);
    expect(entries.filter((e) => e.kind === "actions").length).toBeGreaterThan(5);
    const files = new Set(entries.map((e) => e.file));
    expect(Object.keys(PUBLIC_ENTRIES).filter((f) => !files.has(f))).toEqual([]);
  });
});

describe("merchant B with merchant A's ids", () => {
  for (const entry of tested) {
    it(`${entry.kind} ${entry.file}: not found, as for ids that do not exist, nothing changed`, async () => {
      const mod = await import(/* @vite-ignore */ `@/${entry.file}`);
      const calls: [string, (ids: Ids) => Promise<unknown>][] = [];
      if (entry.kind === "page") calls.push(["page", (ids) => renderPage(entry, ids)]);
      if (entry.kind === "route") {
        const source = await import("node:fs").then((fs) => fs.readFileSync(entry.file, "utf8"));
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
          calls.push([method, (ids) => callRoute(entry, method, mod[method], ids, source)]);
        }
      }
      if (entry.kind === "actions") {
        for (const [name, fn] of Object.entries(mod).filter(([, v]) => typeof v === "function")) {
          if (OWN_ACCOUNT_ACTIONS.has(`${entry.file}#${name}`)) continue;
          calls.push([name, (ids) => (fn as (...args: unknown[]) => Promise<unknown>)(...actionArgs(fn as never, ids))]);
        }
      }
      expect(calls.length, "an entry point with nothing callable").toBeGreaterThan(0);

      for (const [name, call] of calls) {
        const before = await t.dump();
        const sentBefore = sent.length;
        const foreign = await outcomeOf(() => call(a));
        expect(await t.dump(), `${name} changed the database`).toBe(before);
        expect(sent.length, `${name} sent an event`).toBe(sentBefore);
        const unknown = await outcomeOf(() => call(missing));
        if (entry.file === INSTALL_PAGE) {
          // The key-problem page, never the wizard: the same element as for a key that does not exist, bar the key itself.
          const shape = (o: Outcome) => (o.kind === "returned" ? JSON.stringify(o.value).replaceAll(a.licenseKey!, "K").replaceAll(missing.licenseKey!, "K") : o);
          expect(shape(foreign), name).toEqual(shape(unknown));
          continue;
        }
        expect(isNotFound(foreign), `${name} answered ${JSON.stringify(foreign).slice(0, 300)}`).toBe(true);
        expect(foreign, `${name}: A's ids must be indistinguishable from ids that do not exist`).toEqual(unknown);
      }
    });
  }
});
