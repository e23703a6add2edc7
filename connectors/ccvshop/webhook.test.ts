import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { createCcvClient } from "./client";
import { webhookHash } from "./signing";
import { parseWebhook, receiveCcvWebhook, registerWebhooks, verifyWebhook, webhookAddress, webhookEvents, webhookToken } from "./webhook";

const address = "https://app.example/api/webhooks/ccvshop/KEY-1";
const registrations = [
  { event: "orders.created", address, key: "key-created" },
  { event: "orders.updated.ispaid", address, key: "key-paid" },
];
const body = JSON.stringify({ id: 100001, href: "https://shop.example.nl/api/rest/v1/orders/100001", order_number: 1001, status: 1, paid: true });
const credentials = { publicKey: "pk_acme", secretKey: "secret123" };

describe("verifyWebhook", () => {
  it("finds the registration whose key signed address|body (HMAC-SHA512, hex)", () => {
    const hash = webhookHash("key-paid", address, body);
    expect(verifyWebhook({ rawBody: body, hash, registrations })).toBe(registrations[1]);
    expect(verifyWebhook({ rawBody: body, hash: hash.toUpperCase(), registrations })).toBe(registrations[1]);
  });

  it("rejects a wrong key, a changed body, another address, a missing header", () => {
    expect(verifyWebhook({ rawBody: body, hash: webhookHash("other", address, body), registrations })).toBeNull();
    expect(verifyWebhook({ rawBody: body.replace("1001", "1002"), hash: webhookHash("key-paid", address, body), registrations })).toBeNull();
    expect(verifyWebhook({ rawBody: body, hash: webhookHash("key-paid", `${address}x`, body), registrations })).toBeNull();
    expect(verifyWebhook({ rawBody: body, hash: null, registrations })).toBeNull();
    expect(verifyWebhook({ rawBody: body, hash: "abc", registrations })).toBeNull();
  });
});

describe("parseWebhook", () => {
  it("says which document a delivery concerns: from the event, the href, or the id fields", () => {
    expect(parseWebhook(body, "orders.updated.ispaid")).toEqual({ resource: "order", id: "100001", event: "orders.updated.ispaid" });
    expect(parseWebhook(JSON.stringify({ id: 500001, href: "https://s/api/rest/v1/invoices/500001/" }))).toMatchObject({ resource: "invoice", id: "500001" });
    expect(parseWebhook(JSON.stringify({ invoice_id: 7 }))).toMatchObject({ resource: "invoice", id: "7" });
    expect(parseWebhook(JSON.stringify({ status: 5, previous_status: 4, order_number: 1001 }), "orders.updated.status")).toEqual({ resource: "order", number: "1001", event: "orders.updated.status" });
  });

  it("malformed JSON or a body without a document → a clear, permanent invalid_payload", () => {
    for (const bad of ["{not json", "[]", JSON.stringify({ hello: "world" }), JSON.stringify({ id: 1 })]) {
      const err = (() => { try { parseWebhook(bad); } catch (e) { return e; } })() as ConnectorError;
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ code: "invalid_payload", retryable: false });
    }
    expect(() => parseWebhook("{not json")).toThrow("The CCV Shop webhook body is not valid JSON.");
  });
});

describe("receiveCcvWebhook (lib/pipeline/webhook-receivers shape)", () => {
  const url = webhookAddress(address, credentials);

  it("accepts a delivery signed with a stored key, or one at our tokenized address", () => {
    const signed = receiveCcvWebhook({ headers: new Headers({ "x-hash": webhookHash("key-created", address, body) }), body, credentials: { ...credentials, webhooks: registrations }, url: address });
    expect(signed).toEqual([{ kind: "order", sourceId: "100001" }]);
    expect(receiveCcvWebhook({ headers: new Headers(), body, credentials, url })).toEqual([{ kind: "order", sourceId: "100001" }]);
    expect(new URL(url).searchParams.get("token")).toBe(webhookToken(credentials));
  });

  it("refuses anything else with unauthorized", () => {
    const attempt = (input: Parameters<typeof receiveCcvWebhook>[0]) => { try { receiveCcvWebhook(input); return null; } catch (e) { return e as ConnectorError; } };
    expect(attempt({ headers: new Headers({ "x-hash": "00" }), body, credentials: { ...credentials, webhooks: registrations }, url: address })).toMatchObject({ code: "unauthorized" });
    expect(attempt({ headers: new Headers(), body, credentials: { ...credentials, secretKey: "other" }, url })).toMatchObject({ code: "unauthorized" });
    expect(attempt({ headers: new Headers(), body, credentials: {}, url })).toMatchObject({ code: "unauthorized" });
  });
});

describe("registerWebhooks", () => {
  /** A tiny in-memory webhooks API behind an injected fetch. */
  function shop(initial: { id: number; event: string; address: string; key?: string; is_active?: boolean }[] = []) {
    let hooks = initial.map((h) => ({ is_active: true, ...h }));
    let next = 100;
    const calls: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? "GET";
      calls.push(`${method} ${url.pathname}`);
      if (method === "GET") return Response.json({ next: null, items: hooks });
      if (method === "POST") {
        const created = { id: next++, key: `key-${next}`, is_active: true, ...(JSON.parse(String(init!.body)) as { event: string; address: string }) };
        if (created.event === "invoices.created") return Response.json({ status: 400, code: "400.11", developermessage: "Unknown event" }, { status: 400 });
        hooks.push(created);
        return Response.json(created, { status: 201 });
      }
      const id = Number(url.pathname.split("/").pop());
      if (method === "DELETE") hooks = hooks.filter((h) => h.id !== id);
      if (method === "PATCH") Object.assign(hooks.find((h) => h.id === id)!, JSON.parse(String(init!.body)));
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const client = createCcvClient({ baseUrl: "https://shop.example.nl", credentials, fetch: fetchFn }, { throttle: false });
    return { client, calls, hooks: () => hooks };
  }

  it("creates what is missing and nothing twice on a re-install", async () => {
    const s = shop();
    const first = await registerWebhooks(s.client, address, webhookEvents("paid-orders"));
    expect(first.map((r) => r.event)).toEqual(["orders.created", "orders.updated.ispaid", "orders.updated.status"]);
    expect(first.every((r) => r.key && r.address === address)).toBe(true);
    const again = await registerWebhooks(s.client, address, webhookEvents("paid-orders"));
    expect(again).toEqual(first);
    expect(s.hooks()).toHaveLength(3);
  });

  it("removes duplicates, re-activates, drops events no longer wanted and webhooks at an older address of ours; leaves others alone", async () => {
    const s = shop([
      { id: 1, event: "orders.created", address, key: "a" },
      { id: 2, event: "orders.created", address, key: "b" },
      { id: 3, event: "orders.updated.ispaid", address, key: "c", is_active: false },
      { id: 4, event: "invoices.updated.status", address, key: "d" },
      { id: 5, event: "orders.updated.status", address: `${address}?token=old`, key: "e" },
      { id: 6, event: "orders.created", address: "https://other.app/hook", key: "f" },
    ]);
    const result = await registerWebhooks(s.client, address, webhookEvents("paid-orders"));
    expect(result.map((r) => [r.id, r.event])).toEqual([["1", "orders.created"], ["3", "orders.updated.ispaid"], ["100", "orders.updated.status"]]);
    expect(s.hooks().map((h) => h.id).sort((a, b) => a - b)).toEqual([1, 3, 6, 100]);
    expect(s.hooks().find((h) => h.id === 3)!.is_active).toBe(true);
  });

  it("does not fail the install when a shop refuses the unconfirmed invoices.created event", async () => {
    const s = shop();
    const result = await registerWebhooks(s.client, address, webhookEvents("invoices"));
    expect(result.map((r) => r.event)).toEqual(["invoices.updated.status"]);
  });
});
