import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import invoiceNl from "@/connectors/magento2/__fixtures__/invoice-nl.json";
import orderNl from "@/connectors/magento2/__fixtures__/order-nl.json";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { syncIntegration } from "@/inngest/functions/sync-integration";
import { sentEventSteps } from "@/inngest/functions/testing/sent-events";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { reportProblem } from "@/lib/support/report-problem";

/**
 * Secrets are sealed at rest and appear nowhere else: the five demo integrations book documents
 * through the real pipeline and sandboxes (and one fails and is reported with Report problem), then
 * every credential value (API keys, secrets, tokens, also the ones refreshed on the way, webhook
 * keys and tokens) is searched for in every row of every table (audit trail, recorded exchanges,
 * tickets, documents, mails…) and in everything written to the console meanwhile.
 */
const APP = "http://localhost:3000";
let t: TestDb;
const realFetch = globalThis.fetch;
const console_: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => { console_.push(args.map((a) => (typeof a === "string" ? a : safeString(a))).join(" ")); };
    restore.push(() => { console[method] = original; });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => { console_.push(String(chunk)); return original(chunk as string, ...(rest as [])); }) as typeof stream.write;
    restore.push(() => { stream.write = original; });
  }
  await seedDemo(t.db, APP);
});
afterAll(async () => { for (const r of restore) r(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

function safeString(value: unknown): string {
  try { return value instanceof Error ? `${value.message}\n${value.stack}` : JSON.stringify(value); } catch { return String(value); }
}

const post = async (system: string, licenseKey: string, kind: string, payload: object) => {
  const res = await inProcessSandboxFetch(`${APP}/sandbox/${system}/${licenseKey.toLowerCase()}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
async function fetchNow(licenseKey: string) {
  const { error } = await new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: "integration/sync.requested", data: { licenseKey } }],
    steps: [0, 1, 2].map((i) => ({ id: `queue-${i}`, handler: () => ({ ids: [] }) })),
  }).execute();
  expect(error).toBeUndefined();
}
async function bookQueued(licenseKey: string) {
  const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey } });
  for (const d of await t.db.document.findMany({ where: { integrationId: integration.id, status: "queued" } })) {
    await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId: d.id, integrationId: integration.id } }], steps: sentEventSteps() }).execute();
  }
  return t.db.document.findMany({ where: { integrationId: integration.id } });
}

/** Names of credential fields that identify rather than authenticate (sent in clear by design). */
const PUBLIC_FIELDS = new Set(["publicKey", "consumerKey", "shopId", "username", "auth", "mode", "id", "event", "expiresAt", "companyId", "baseUrl"]);

/** Every secret value in the stored credentials, nested ones too, plus the webhook token in registered addresses. */
async function storedSecrets(): Promise<Set<string>> {
  const secrets = new Set<string>();
  const walk = (value: unknown, field?: string) => {
    if (typeof value === "string") {
      if (field === "address" && URL.canParse(value)) { const token = new URL(value).searchParams.get("token"); if (token) secrets.add(token); return; }
      if (field && !PUBLIC_FIELDS.has(field) && value.length >= 8) secrets.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, field));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const c of await t.db.connection.findMany({ where: { credentialsEnc: { not: null } } })) walk(openCredentials(c.credentialsEnc!));
  return secrets;
}

const now = new Date().toISOString().slice(0, 19).replace("T", " ");
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

describe("secrets appear nowhere but sealed", () => {
  it("after booking through all five demo integrations and reporting a failed document", async () => {
    const before = await storedSecrets();
    expect(before.size).toBeGreaterThan(15);

    // Magento 2 → Rompslomp (OAuth 1.0a shop, OAuth2 target whose token is refreshed on the way).
    const m2order = await post("magento2", "DEMO-MAGENTO-ROMPSLOMP", "order", strip(orderNl));
    await post("magento2", "DEMO-MAGENTO-ROMPSLOMP", "invoice", { ...strip(invoiceNl), order_id: m2order });
    await fetchNow("DEMO-MAGENTO-ROMPSLOMP");
    // PrestaShop (Basic API key) → e-Boekhouden (API token, session).
    await post("prestashop", "DEMO-PRESTASHOP-EBOEKHOUDEN", "order", {
      current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "0.00", date_add: now, date_upd: now,
      customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
      address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
      order_details: [{ product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 }],
    });
    await fetchNow("DEMO-PRESTASHOP-EBOEKHOUDEN");
    // KMO Shops (bearer key) → Factuursturen (Basic).
    await post("kmoshops", "DEMO-KMOSHOPS-FACTUURSTUREN", "order", {
      status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
      customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
      billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
      lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }],
    });
    await fetchNow("DEMO-KMOSHOPS-FACTUURSTUREN");
    // CCV Shop (HMAC-signed) → WeFact (key in the form body) and → Rompslomp; one order with a VAT rate the grid lacks fails.
    const wefact = await post("ccvshop", "DEMO-CCVSHOP-WEFACT", "invoice", {
      taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
      customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
      invoicerows: [{ product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 }],
    });
    const wefactIntegration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" } });
    await receiveDocument(t.db, { integrationId: wefactIntegration.id, kind: "invoice", sourceId: wefact });
    const row = (name: string, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count: 1, price, selling_price: price, price_without_discount: price, tax });
    const ccvOrder = (tax: number) => ({
      paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 0, currency: "EUR", is_intra_community_order: false,
      customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
      orderrows: [row("Theepot", 24.95, tax)], total_price: 24.95,
    });
    const ccvIntegration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
    for (const tax of [21, 13]) await receiveDocument(t.db, { integrationId: ccvIntegration.id, kind: "order", sourceId: await post("ccvshop", "DEMO-CCVSHOP-ROMPSLOMP", "order", ccvOrder(tax)) });

    const booked: string[] = [];
    for (const key of ["DEMO-MAGENTO-ROMPSLOMP", "DEMO-PRESTASHOP-EBOEKHOUDEN", "DEMO-KMOSHOPS-FACTUURSTUREN", "DEMO-CCVSHOP-WEFACT", "DEMO-CCVSHOP-ROMPSLOMP"]) {
      for (const d of await bookQueued(key)) booked.push(`${key} ${d.status}`);
    }
    // Every integration booked something, and exactly one document failed.
    expect(booked.filter((b) => b.endsWith(" booked")).map((b) => b.split(" ")[0])).toEqual(expect.arrayContaining(["DEMO-MAGENTO-ROMPSLOMP", "DEMO-PRESTASHOP-EBOEKHOUDEN", "DEMO-KMOSHOPS-FACTUURSTUREN", "DEMO-CCVSHOP-WEFACT", "DEMO-CCVSHOP-ROMPSLOMP"]));
    const failed = await t.db.document.findFirstOrThrow({ where: { status: "error" } });
    const owner = await t.db.user.findFirstOrThrow({ where: { accountId: ccvIntegration.accountId } });
    expect(await reportProblem(t.db, { accountId: ccvIntegration.accountId, userId: owner.id, integrationId: failed.integrationId, documentId: failed.id, message: "Please help" })).toMatchObject({ ok: true });

    // What was recorded is really there (so finding no secret in it means something).
    expect(await t.db.externalCall.count()).toBeGreaterThan(20);
    expect(await t.db.auditEvent.count()).toBeGreaterThan(0);
    const ticket = await t.db.ticket.findFirstOrThrow({ where: { kind: "problem" } });
    expect(JSON.stringify(ticket.context)).toContain("http");

    const secrets = new Set([...before, ...(await storedSecrets())]);
    // SandboxTenant is the simulated shops' and accounting systems' own state: the other side holds these secrets by definition.
    const dump = withoutTable(await t.dump(), "SandboxTenant");
    expect(dump).toContain("-- ExternalCall");
    const sealed = (await t.db.connection.findMany()).map((c) => c.credentialsEnc ?? "").concat((await t.db.pendingInstall.findMany()).map((p) => p.payloadEnc));
    const output = console_.join("\n");
    const leaks = [...secrets].flatMap((secret) => [
      ...(dump.includes(secret) ? [`database: ${secret.slice(0, 6)}… (${where(dump, secret)})`] : []),
      ...(output.includes(secret) ? [`console: ${secret.slice(0, 6)}…`] : []),
    ]);
    expect(leaks).toEqual([]);
    // Sealed values themselves do not contain a secret in clear either (AES-GCM envelopes).
    for (const s of sealed) for (const secret of secrets) expect(s.includes(secret)).toBe(false);
  }, 180_000);
});

function withoutTable(dump: string, table: string): string {
  const start = dump.indexOf(`-- ${table}\n`);
  if (start < 0) return dump;
  const end = dump.indexOf("\n-- ", start + 1);
  return dump.slice(0, start) + (end < 0 ? "" : dump.slice(end + 1));
}

/** The table of a leak and the text around it. */
function where(dump: string, secret: string): string {
  const at = dump.indexOf(secret);
  const header = dump.lastIndexOf("\n-- ", at);
  const table = dump.slice(header + 4, dump.indexOf("\n", header + 1));
  return `${table}: …${dump.slice(Math.max(0, at - 60), at)}<secret>${dump.slice(at + secret.length, at + secret.length + 20)}…`;
}
