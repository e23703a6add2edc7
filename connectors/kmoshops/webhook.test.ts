import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { webhookSignature } from "./contract";
import { receiveKmoWebhook } from "./webhook";

const credentials = { shopId: "acme", apiKey: "key", webhookSecret: "per-shop-secret" };
const body = JSON.stringify({
  id: "dlv_1", topic: "order.updated", shop_id: "acme", created_at: "2024-05-01T10:00:00+02:00",
  order: { id: 367439, order_number: "367439", status: "completed", payment_status: "partially_refunded", updated_at: "2024-05-01T10:00:00+02:00", refunds: [{ id: 9001 }, { id: "9002" }] },
});
const signed = (raw: string, secret = credentials.webhookSecret) => new Headers({ "x-kmo-signature": webhookSignature(secret, raw), "content-type": "application/json" });
const receive = (raw: string, headers = signed(raw), creds: Record<string, unknown> = credentials) => receiveKmoWebhook({ headers, body: raw, credentials: creds, url: "https://app.example/api/webhooks/kmoshops/KEY" });
const error = (fn: () => unknown) => { try { fn(); } catch (e) { if (e instanceof ConnectorError) return e; throw e; } throw new Error("expected a ConnectorError"); };

describe("receiveKmoWebhook", () => {
  it("verifies HMAC-SHA256 over the raw body with the shop's secret and announces the order and each refund", () => {
    expect(receive(body)).toEqual([
      { kind: "order", sourceId: "367439" },
      { kind: "creditnote", sourceId: "9001" },
      { kind: "creditnote", sourceId: "9002" },
    ]);
  });

  it("accepts the signature without its sha256= prefix and in upper case", () => {
    const bare = webhookSignature(credentials.webhookSecret, body).replace("sha256=", "").toUpperCase();
    expect(receive(body, new Headers({ "x-kmo-signature": bare }))).toHaveLength(3);
  });

  it.each([
    ["no signature", new Headers()],
    ["another secret", signed(body, "other")],
    ["a signature of another body", signed(body.replace("367439", "367440"))],
  ])("refuses %s with unauthorized", (_case, headers) => {
    expect(error(() => receive(body, headers))).toMatchObject({ code: "unauthorized", retryable: false });
  });

  it("refuses a body re-encoded after signing (the signature covers the exact bytes)", () => {
    const reencoded = JSON.stringify(JSON.parse(body), null, 2);
    expect(error(() => receive(reencoded, signed(body)))).toMatchObject({ code: "unauthorized" });
  });

  it("refuses when the integration has no webhook secret, or the delivery names another shop", () => {
    expect(error(() => receive(body, signed(body), { shopId: "acme" }))).toMatchObject({ code: "unauthorized", message: expect.stringContaining("install the app again") });
    const other = body.replace('"shop_id":"acme"', '"shop_id":"other"');
    expect(error(() => receive(other))).toMatchObject({ code: "unauthorized", message: expect.stringContaining("shop other") });
  });

  it.each([
    ["not JSON", "{order", /not valid JSON/],
    ["no order", JSON.stringify({ topic: "order.created" }), /"order"/],
    ["an order without id", JSON.stringify({ topic: "order.created", order: { status: "paid" } }), /"order.id"/],
    ["no topic", JSON.stringify({ order: { id: 1 } }), /"topic"/],
  ])("a signed body with %s is invalid_payload, precisely", (_case, raw, message) => {
    expect(error(() => receive(raw))).toMatchObject({ code: "invalid_payload", retryable: false, message: expect.stringMatching(message) });
  });

  it("a signed delivery of a topic we did not register concerns nothing", () => {
    const raw = JSON.stringify({ topic: "product.updated", order: { id: 1 } });
    expect(receive(raw)).toEqual([]);
  });

  it("order.created without refunds is one order notice", () => {
    const raw = JSON.stringify({ topic: "order.created", shop_id: "acme", order: { id: "77", refunds: null } });
    expect(receive(raw)).toEqual([{ kind: "order", sourceId: "77" }]);
  });
});
