import { describe, expect, it } from "vitest";
import type { CredentialField } from "@/connectors/setup-types";
import { initialValues, missingFields, publicValues, readCredentialValues } from "./credential-values";

// The shape of e-Boekhouden's form: a choice decides which fields count.
const fields: CredentialField[] = [
  { name: "mode", label: "How do you connect?", options: [{ value: "token", label: "Token" }, { value: "legacy", label: "Codes" }] },
  { name: "apiToken", label: "API token", secret: true, showWhen: { field: "mode", equals: "token" } },
  { name: "username", label: "Username", showWhen: { field: "mode", equals: "legacy" } },
  { name: "securityCode1", label: "Security code 1", secret: true, showWhen: { field: "mode", equals: "legacy" } },
  { name: "note", label: "Note", optional: true },
];

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return form;
};

describe("credential form values", () => {
  it("keeps only the form's own fields that are shown for the choice made", () => {
    const values = readCredentialValues(fields, formOf({ mode: "token", apiToken: " tok ", username: "ignored", evil: "x", note: "  hi " }));
    expect(values).toEqual({ mode: "token", apiToken: " tok ", note: "hi" });
  });

  it("treats a choice outside the options as not made", () => {
    expect(readCredentialValues(fields, formOf({ mode: "soap", apiToken: "t" }))).toEqual({});
  });

  it("names the required fields left empty, optional and hidden ones excepted", () => {
    expect(missingFields(fields, { mode: "legacy", username: " " })).toEqual(["Username", "Security code 1"]);
    expect(missingFields(fields, { mode: "token", apiToken: "t" })).toEqual([]);
  });

  it("never gives a secret back", () => {
    expect(publicValues(fields, { mode: "legacy", username: "jan", securityCode1: "s3cret", apiToken: "t" })).toEqual({ mode: "legacy", username: "jan" });
  });

  it("fills a shop address field from the connection when nothing is stored", () => {
    const shop: CredentialField[] = [{ name: "shopUrl", label: "Shop URL" }, { name: "apiKey", label: "Key", secret: true }];
    expect(initialValues(shop, {}, "http://app/sandbox/prestashop/t")).toEqual({ shopUrl: "http://app/sandbox/prestashop/t" });
    expect(initialValues(shop, { shopUrl: "https://mine.nl", apiKey: "K" }, "http://x")).toEqual({ shopUrl: "https://mine.nl" });
    const m1: CredentialField[] = [{ name: "adminUrl", label: "Admin URL" }];
    expect(initialValues(m1, {}, "http://app/sandbox/magento1/t/")).toEqual({ adminUrl: "http://app/sandbox/magento1/t/admin" });
    expect(initialValues(m1, {}, null)).toEqual({});
  });
});
