import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { startServer } from "@/connectors/sandbox/kit/test-server";
import { ConnectorError } from "@/connectors/types";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMollieClient } from "../mollie-client";
import { sandboxMollieApiKey } from "./state";

/** The Mollie simulator over HTTP, as our client (and any outside test) sees it. */
const BASE = "http://app.test/sandbox/mollie/raw";
const KEY = sandboxMollieApiKey("raw");
let t: TestDb;
let receiver: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); receiver = await startServer(); });
afterAll(async () => { setDb(undefined); await t.close(); });

const client = (apiKey = KEY) => createMollieClient({ apiKey, baseUrl: BASE, fetch: inProcessSandboxFetch });
const create = (overrides: Record<string, unknown> = {}, apiKey = KEY) =>
  inProcessSandboxFetch(`${BASE}/v2/payments`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ amount: { currency: "EUR", value: "181.50" }, description: "Invoice 2026-00001", redirectUrl: "https://shop.example/return/1", webhookUrl: `${receiver.origin}/webhook`, metadata: { invoiceId: "inv1" }, ...overrides }),
  });

describe("Mollie sandbox", () => {
  it("creates a payment in Mollie's shape, with a checkout link, and fetches it by id", async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toContain("application/hal+json");
    const body = await res.json();
    expect(body).toMatchObject({
      resource: "payment", mode: "test", status: "open", amount: { currency: "EUR", value: "181.50" }, description: "Invoice 2026-00001",
      metadata: { invoiceId: "inv1" }, method: null, sequenceType: "oneoff", redirectUrl: "https://shop.example/return/1",
      _links: { checkout: { href: `${BASE}/checkout/${body.id}`, type: "text/html" }, self: { href: `${BASE}/v2/payments/${body.id}` } },
    });
    expect(body.id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const fetched = await client().getPayment(body.id);
    expect(fetched).toMatchObject({ id: body.id, status: "open", checkoutUrl: `${BASE}/checkout/${body.id}` });
  });

  it("refuses a missing or wrong API key with Mollie's 401", async () => {
    const res = await create({}, "test_wrongwrongwrongwrongwrongwrong");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, title: "Unauthorized Request", detail: "Missing authentication, or failed to authenticate" });
    await expect(client("test_wrongwrongwrongwrongwrongwrong").getPayment("tr_abcdefghij")).rejects.toMatchObject({ code: "mollie_unauthorized", retryable: false });
  });

  it.each([
    [{ amount: undefined }, "amount"],
    [{ amount: { currency: "EUR", value: "181.5" } }, "amount.value"],
    [{ amount: { currency: "euro", value: "1.00" } }, "amount.currency"],
    [{ description: "" }, "description"],
    [{ redirectUrl: "not a url" }, "redirectUrl"],
    [{ webhookUrl: "ftp://x" }, "webhookUrl"],
  ])("answers 422 naming the field for %j", async (overrides, field) => {
    const res = await create(overrides);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ status: 422, title: "Unprocessable Entity", field });
  });

  it("answers an unknown payment with Mollie's 404", async () => {
    await expect(client().getPayment("tr_doesnotexist")).rejects.toMatchObject({ code: "mollie_not_found" });
    const res = await inProcessSandboxFetch(`${BASE}/v2/payments/tr_doesnotexist`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await res.json()).toMatchObject({ status: 404, detail: "No payment exists with token tr_doesnotexist." });
  });

  it.each([["pay", "paid", "paidAt"], ["cancel", "canceled", "canceledAt"], ["fail", "failed", "failedAt"]])(
    "checkout %s: sets the status, POSTs id=… form-encoded to the webhook, then redirects",
    async (action, status, stamp) => {
      const { id } = await (await create()).json();
      const page = await inProcessSandboxFetch(`${BASE}/checkout/${id}`);
      expect(await page.text()).toContain('name="action" value="pay"');
      const done = await inProcessSandboxFetch(`${BASE}/checkout/${id}`, { method: "POST", body: new URLSearchParams({ action }) });
      expect([done.status, done.headers.get("location")]).toEqual([303, "https://shop.example/return/1"]);
      const hook = await receiver.waitFor((r) => r.body === `id=${id}`);
      expect(hook.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      const payment = await client().getPayment(id);
      expect(payment.status).toBe(status);
      expect(payment.checkoutUrl).toBeUndefined();
      const raw = await (await inProcessSandboxFetch(`${BASE}/v2/payments/${id}`, { headers: { authorization: `Bearer ${KEY}` } })).json();
      expect(raw[stamp]).toMatch(/\+00:00$/);
      // A final payment stays final: a second click changes nothing.
      await inProcessSandboxFetch(`${BASE}/checkout/${id}`, { method: "POST", body: new URLSearchParams({ action: action === "pay" ? "fail" : "pay" }) });
      expect((await client().getPayment(id)).status).toBe(status);
    },
  );

  it("reports an expired payment without a checkout link; an open one says when it expires (15 minutes)", async () => {
    const { id, createdAt, expiresAt } = await (await create()).json();
    expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(15 * 60_000);
    await inProcessSandboxFetch(`${BASE}/_admin/payments/${id}`, { method: "POST", body: JSON.stringify({ status: "expired" }) });
    expect(await client().getPayment(id)).toMatchObject({ status: "expired", checkoutUrl: undefined });
  });

  it("has the contract's admin hooks: requests, faults in Mollie's shape, reset", async () => {
    const requests = await (await inProcessSandboxFetch(`${BASE}/_admin/requests`)).json();
    expect(requests.some((r: { method: string; path: string }) => r.method === "POST" && r.path === "/v2/payments")).toBe(true);
    await inProcessSandboxFetch(`${BASE}/_admin/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, status: 503 }) });
    const failed = await client().getPayment("tr_abcdefghij").catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ConnectorError);
    expect(failed).toMatchObject({ code: "mollie_unavailable", retryable: true });
    expect((await inProcessSandboxFetch(`${BASE}/_admin/reset`, { method: "POST" })).status).toBe(204);
    expect(await (await inProcessSandboxFetch(`${BASE}/_admin/payments`)).json()).toEqual([]);
  });
});
