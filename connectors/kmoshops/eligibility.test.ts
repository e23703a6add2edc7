import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import orderInclNl from "./__fixtures__/order-incl-nl.json";
import refund from "./__fixtures__/refund.json";
import { eligibility } from "./eligibility";
import { createKmoShopsSource } from "./index";

const order = (status: string | null) => ({ ...structuredClone(orderInclNl), status });

describe("eligibility", () => {
  it("books orders in the configured statuses (default: paid, processing, shipped, completed)", () => {
    for (const status of ["paid", "processing", "shipped", "completed", "PAID"]) expect(eligibility("order", order(status))).toEqual({ eligible: true });
    expect(eligibility("order", order("shipped"), { orderStatuses: ["completed"] })).toMatchObject({ eligible: false, reason: expect.stringContaining("completed") });
  });

  it("keeps other statuses on Open with the status and what is awaited", () => {
    expect(eligibility("order", order("awaiting_payment"))).toEqual({
      eligible: false,
      reason: 'Order 367439 has status "awaiting payment" in KMO Shops; orders are booked once their status is one of: paid, processing, shipped, completed. It is checked again every night.',
    });
    expect(eligibility("order", order(null))).toMatchObject({ eligible: false, reason: expect.stringContaining('"unknown"') });
    expect(eligibility("order", order("cancelled"))).toEqual({ eligible: false, reason: "Order 367439 is cancelled in KMO Shops, so it is not booked." });
  });

  it("never books a refund: not eligible, explaining that refunds are not processed, with order and amount", () => {
    const result = eligibility("creditnote", refund);
    expect(result.eligible).toBe(false);
    expect(!result.eligible && result.reason).toBe(
      "Refund 9001 of EUR 49.95 on order 367439 is not booked: this integration processes KMO Shops orders only, not refunds. Enter the credit note by hand in your accounting system if the order was booked.",
    );
  });

  it("a wholly refunded order that was never booked is not booked either, and says why", () => {
    expect(eligibility("order", order("refunded"))).toMatchObject({ eligible: false, reason: expect.stringMatching(/refunded in KMO Shops before it was booked.*does not process refunds/) });
  });

  it("the source refuses to normalize a refund even if asked", () => {
    const source = createKmoShopsSource({ baseUrl: "https://shop.example", credentials: { shopId: "1", apiKey: "k", webhookSecret: "s" } });
    expect(() => source.normalize({ kind: "creditnote", sourceId: "9001", payload: refund })).toThrow(ConnectorError);
    expect(source.eligibility({ kind: "creditnote", sourceId: "9001", payload: refund }).eligible).toBe(false);
  });

  it("a refund body without its ids is invalid_payload", () => {
    expect(() => eligibility("creditnote", { amount: "1.00" })).toThrow(expect.objectContaining({ code: "invalid_payload" }));
  });
});
