import { describe, expect, it } from "vitest";
import { classifyByKeywords, classifyPaymentMethod, cleanUp, configuredPaymentMethodSchema, type KeywordRules } from "./payment-method";

describe("the manuals' keyword rules", () => {
  it.each([
    ["Bank transfer", "banktransfer"],
    ["Op rekening", "banktransfer"],
    ["Invoice (B2B)", "banktransfer"],
    ["iDEAL", "ideal"],
    ["paypal_express", "paypal"],
    ["AfterPay", "afterpay"],
    ["Mister-Cash", "mistercash"],
    ["cash via mister", "mistercash"],
    ["Credit Card", "creditcard"],
    ["card (credit)", "creditcard"],
    ["Maestro", "creditcard"],
    ["VISA", "creditcard"],
    ["Mastercard", "creditcard"],
    ["Contant bij afhalen", "default"],
    ["Pay Pal", "default"],
    ["", "default"],
    [undefined, "default"],
  ])("%s → %s", (raw, expected) => {
    expect(classifyPaymentMethod(raw).classification).toBe(expected);
  });

  it("go in the manuals' order: bank before iDEAL, an invoice before AfterPay", () => {
    expect(classifyPaymentMethod("iDEAL via je bank").classification).toBe("banktransfer");
    expect(classifyPaymentMethod("afterpay_openinvoice").classification).toBe("banktransfer");
  });

  it("ignore capitals and hyphens (cleanUp), not spaces or underscores", () => {
    expect(cleanUp(" Pin-Betaling_X ")).toBe("pinbetaling_x");
    expect(classifyPaymentMethod("Pay-Pal").classification).toBe("paypal");
  });
});

describe("a configured payment method", () => {
  it("keeps the class the merchant chose, matched after cleanUp", () => {
    expect(classifyPaymentMethod("Op-Rekening", [{ method: "oprekening", classification: "afterpay" }])).toEqual({ classification: "afterpay", configured: "oprekening" });
    expect(classifyPaymentMethod("checkmo", [{ method: "CheckMo", classification: "banktransfer" }])).toEqual({ classification: "banktransfer", configured: "CheckMo" });
  });

  it("without a chosen class gets the keyword class of its name", () => {
    expect(classifyPaymentMethod("PIN-betaling", ["pinbetaling"])).toEqual({ classification: "default", configured: "pinbetaling" });
    expect(classifyPaymentMethod("Bank-Transfer", [{ method: "banktransfer" }])).toEqual({ classification: "banktransfer", configured: "banktransfer" });
  });

  it("is only used when the names match after cleanUp (spaces count)", () => {
    expect(classifyPaymentMethod("Op-Rekening", [{ method: "op rekening", classification: "ideal" }])).toEqual({ classification: "banktransfer" });
  });

  it("is a name, or a name with a class the domain knows", () => {
    expect(configuredPaymentMethodSchema.safeParse("Rembours").success).toBe(true);
    expect(configuredPaymentMethodSchema.safeParse({ method: "Rembours", classification: "creditcard" }).success).toBe(true);
    expect(configuredPaymentMethodSchema.safeParse({ method: "Rembours", classification: "cash" }).success).toBe(false);
    expect(configuredPaymentMethodSchema.safeParse("").success).toBe(false);
  });
});

describe("classifyByKeywords with a shop's own rules", () => {
  const rules: KeywordRules = {
    texts: (name) => {
      const text = name.toLowerCase().replace(/_/g, " ");
      return [text, text.replace(/ /g, "")];
    },
    rules: [
      ["ideal", /ideal/],
      ["banktransfer", (text) => text.includes("bank")],
      ["paypal", /paypal/],
    ],
  };

  it("reads the names in order; the first name a rule recognises decides", () => {
    expect(classifyByKeywords([undefined, "", "Rembours", "bank", "ideal"], rules)).toBe("banktransfer");
    expect(classifyByKeywords([null, "iDEAL via bank"], rules)).toBe("ideal");
  });

  it("tries every text a name is written out as", () => {
    expect(classifyByKeywords(["pay_pal"], rules)).toBe("paypal");
  });

  it("is default when nothing is recognised", () => {
    expect(classifyByKeywords([], rules)).toBe("default");
    expect(classifyByKeywords(["Rembours", undefined], rules)).toBe("default");
  });

  it("uses the manuals' rules unless told otherwise", () => {
    expect(classifyByKeywords(["iDEAL via je bank"])).toBe("banktransfer");
  });
});
