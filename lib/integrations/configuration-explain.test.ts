import { describe, expect, it } from "vitest";
import { sourceSystemSchema, targetSystemSchema } from "@/connectors/types";
import { targetSetups, pollingSources } from "@/connectors/registry";
import { configurationMessages, type ConfigurationKey } from "../i18n/messages/configuration";
import type { Translate } from "../i18n/translate";
import { translator } from "../i18n/translate";
import { configGroups, PAYMENT_ACCOUNT_TARGETS, PAYMENT_TARGETS, POLLING_SOURCES } from "./configuration-fields";
import { explainField } from "./configuration-explain";
import { errorCodes } from "./configuration-schema";
import { configurationView } from "./configuration-view";

/** A translator that fails on a key the messages lack (the tab builds keys from field names and values). */
const strict = (locale: "en" | "nl"): Translate<ConfigurationKey> => {
  const t = translator(configurationMessages, locale);
  return (key, params) => {
    if (!(key in configurationMessages[locale])) throw new Error(`missing message ${key}`);
    const text = t(key, params);
    expect(text, key).not.toMatch(/\{\w+\}/); // every parameter filled in
    return text;
  };
};

const ctx = { source: "Shop", target: "Books", documents: "Orders" };
const lists = { statuses: [{ id: "2", name: "Paid" }], templates: [{ id: "7", name: "Webshop" }], accounts: [{ id: "1100", name: "1100 Bank" }] };

describe("Configuration tab messages", () => {
  for (const locale of ["en", "nl"] as const) {
    it(`has a label, option labels and an effect for every value of every field of every pair (${locale})`, () => {
      const t = strict(locale);
      for (const source of sourceSystemSchema.options) {
        for (const target of targetSystemSchema.options) {
          for (const { group, fields } of configurationView({ sourceSystem: source, targetSystem: target, createdAt: new Date() }, {}, lists, t)) {
            expect(t(`group.${group}`, ctx)).toBeTruthy();
            for (const f of fields) {
              t(`f.${f.name}.label` as ConfigurationKey);
              const values = f.kind === "switch" ? [true, false] : f.kind === "choice" ? f.options.map((o) => o.value) : f.kind === "methodAccounts" ? [[], [{ method: "iDEAL", account: "1100" }]] : [f.value, ""];
              for (const value of values) expect(explainField(t, f, value as never, ctx)).toBeTruthy();
            }
          }
        }
      }
      for (const code of errorCodes) t(`error.${code}`, { ...ctx, value: "x", min: 1, max: 2, method: "m", account: "a" });
    });
  }

  it("names the right systems as polling shops and payment targets", () => {
    expect([...POLLING_SOURCES].sort()).toEqual([...pollingSources].sort());
    expect([...PAYMENT_TARGETS].sort()).toEqual(Object.entries(targetSetups).filter(([, s]) => s?.registersPayments).map(([id]) => id).sort());
    expect([...PAYMENT_ACCOUNT_TARGETS].sort()).toEqual(Object.entries(targetSetups).filter(([, s]) => s?.paymentAccounts).map(([id]) => id).sort());
    expect(configGroups).toEqual(["documents", "booking", "vat", "payments", "fetching"]);
  });
});
