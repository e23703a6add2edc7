import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ccvSettingsSchema, readCcvSettings } from "./config";

/** readCcvSettings returns what ccvSettingsSchema.parse returns, or throws as it does. */
function sameAsZod(input: unknown): boolean {
  const zod = ccvSettingsSchema.safeParse(input);
  if (!zod.success) {
    expect(() => readCcvSettings(input)).toThrow(zod.error.message);
    return false;
  }
  const read = readCcvSettings(input);
  expect(read).toStrictEqual(zod.data);
  expect(Object.keys(read)).toEqual(Object.keys(zod.data));
  return true;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined), fc.constantFrom<unknown>(null, 1, "", [], {}));

describe("readCcvSettings: ccvSettingsSchema.parse without zod for the usual settings", () => {
  it("gives zod's result or zod's error on generated settings", () => {
    let valid = 0;
    fc.assert(
      fc.property(
        fc.record({
          documentTrigger: maybe(fc.constantFrom("paid-orders", "invoices", "orders")),
          shopCountry: maybe(fc.constantFrom("NL", "BE", "nl", "NLD")),
          paymentMethods: maybe(fc.array(fc.oneof(fc.constantFrom("iDEAL", "Bank transfer", ""), fc.record({ method: fc.constantFrom("PayPal", ""), classification: fc.constantFrom("paypal", "nope") })), { maxLength: 3 })),
          other: fc.constant("ignored"),
        }, { requiredKeys: [] }),
        (input) => void (sameAsZod(input) && valid++),
      ),
      { numRuns: 3000, seed: 20261122 },
    );
    expect(valid).toBeGreaterThan(300);
  });

  it("refuses what is not settings, as zod does", () => {
    for (const input of [undefined, null, "NL", [], [1], 3]) expect(sameAsZod(input)).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(sameAsZod({ paymentMethods: [, "iDEAL"] })).toBe(false);
  });

  it("returns a fresh payment-method list (the caller's is never shared)", () => {
    const paymentMethods = ["iDEAL"];
    expect(readCcvSettings({ paymentMethods }).paymentMethods).not.toBe(paymentMethods);
    expect(readCcvSettings({})).toEqual({ documentTrigger: "paid-orders", shopCountry: "NL", paymentMethods: [] });
  });
});
