import { describe, expect, it } from "vitest";
import { classify } from "./classify";

const doc = (over: Partial<Parameters<typeof classify>[0]> = {}) => ({
  icp: false, international: false, marginScheme: false, shopCountry: "NL", deliveryCountry: "NL", customer: { billing: { country: "NL" } }, ...over,
});

describe("classify", () => {
  it.each([
    ["a Dutch consumer", doc(), "domestic", "NL"],
    ["a German consumer (OSS: German rates)", doc({ deliveryCountry: "DE" }), "eu-consumer", "DE"],
    ["a Belgian business with a VAT number (ICP)", doc({ icp: true, deliveryCountry: "BE" }), "icp", "ICP"],
    ["ICP by a margin-scheme merchant: never ICP", doc({ icp: true, marginScheme: true, deliveryCountry: "BE" }), "eu-consumer", "BE"],
    ["a Swiss customer (export)", doc({ deliveryCountry: "CH" }), "export", "INTL"],
    ["a shop that flags international itself", doc({ international: true, deliveryCountry: "US" }), "export", "INTL"],
    ["no delivery country: the billing country", doc({ deliveryCountry: undefined, customer: { billing: { country: "FR" } } }), "eu-consumer", "FR"],
    ["no country at all: the shop's", doc({ deliveryCountry: undefined, customer: { billing: {} } }), "domestic", "NL"],
  ])("%s", (_name, input, vatClass, region) => {
    expect(classify(input)).toEqual({ vatClass, region });
  });
});
