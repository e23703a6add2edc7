import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { D } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { caught } from "../testing";
import { ConnectorError, type Booking } from "../types";
import type { Books, BookedSale, InvoiceOptions } from "./books";
import type { SalesEntry } from "./entry";
import type { RelationFields } from "./relation";
import { createEboekhoudenTarget } from "./target";

function fixture(name: string): Booking {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as { booking: Booking };
  return { ...raw.booking, document: salesDocumentSchema.parse(raw.booking.document) };
}

const duplicate = () => new ConnectorError("duplicate", "exists", false);
const unused = () => { throw new Error("not expected in this test"); };

/** A Books double: only what a test gives is implemented; everything it is asked is recorded. */
function books(api: "rest" | "soap", impl: Partial<Books>): Books & { log: string[] } {
  const log: string[] = [];
  const wrap = <K extends keyof Books>(k: K) => (...args: unknown[]) => {
    log.push(String(k));
    const f = impl[k] as ((...a: unknown[]) => unknown) | undefined;
    return f ? f(...args) : unused();
  };
  const names: (keyof Books)[] = ["findRelationByEmail", "relationCodesStartingWith", "createRelation", "findArticle", "findSales", "addSale", "findInvoice", "addInvoice", "outstanding", "findPayments", "addPayment", "administrations", "ledgers", "templates", "close"];
  return Object.assign(Object.fromEntries(names.map((n) => [n, wrap(n)])), { api, log }) as unknown as Books & { log: string[] };
}

const target = (b: Books, settings: Record<string, unknown> = {}) => createEboekhoudenTarget({ baseUrl: "http://unused", credentials: {} }, settings, b);

describe("debtors", () => {
  const doc = fixture("domestic-mixed").document;

  it("an existing debtor with the email is used, never created again (a retry after a lost answer)", async () => {
    const b = books("rest", { findRelationByEmail: async () => "KlaartjePi5" });
    expect(await target(b).createDebtor(doc)).toBe("KlaartjePi5");
    expect(b.log).toEqual(["findRelationByEmail"]);
  });

  it("a code the search missed, or someone took meanwhile, makes way for the next free one", async () => {
    const created: RelationFields[] = [];
    const b = books("soap", {
      findRelationByEmail: async () => null,
      relationCodesStartingWith: async () => ["KlaartjePi", "KlaartjePi1", "KlaartjePiX"],
      createRelation: async (r) => {
        if (r.code === "KlaartjePi2" || r.code === "KlaartjePi3") throw duplicate();
        created.push(r);
      },
    });
    expect(await target(b).createDebtor(doc)).toBe("KlaartjePi4");
    expect(created).toHaveLength(1);
  });
});

describe("no double booking (mutations)", () => {
  const booking = fixture("domestic-mixed");
  const sale = (ours: boolean, total = "47.84"): BookedSale => ({ id: "17", ours, total: new D(total) });

  it("a sale with our number on our debtor is the booking: returned, not added", async () => {
    const b = books("rest", { findSales: async () => [sale(true)] });
    expect(await target(b).createInvoice(booking)).toEqual({ id: "17", number: "ORD145" });
    expect(b.log).toEqual(["findSales"]);
  });

  it("the number on another debtor, or on a booking of the other sign, is refused and nothing is added", async () => {
    expect(await caught(target(books("rest", { findSales: async () => [sale(false)] })).createInvoice(booking))).toMatchObject({ code: "number_in_use", retryable: false });
    expect(await caught(target(books("rest", { findSales: async () => [sale(true, "-47.84")] })).createInvoice(booking))).toMatchObject({ code: "number_in_use" });
  });

  it("e-Boekhouden's duplicate refusal is answered with the booking that exists (created by an attempt whose answer was lost)", async () => {
    let lookups = 0;
    const b = books("soap", { findSales: async () => (lookups++ === 0 ? [] : [sale(true)]), addSale: async () => { throw duplicate(); } });
    expect(await target(b).createInvoice(booking)).toEqual({ id: "17", number: "ORD145" });
    expect(b.log).toEqual(["findSales", "addSale", "findSales"]);
  });

  it("a duplicate refusal without a booking of ours is 'number in use', never a second booking", async () => {
    const b = books("rest", { findSales: async () => [], addSale: async () => { throw duplicate(); } });
    expect(await caught(target(b).createInvoice(booking))).toMatchObject({ code: "number_in_use" });
  });
});

describe("invoices", () => {
  const booking = fixture("domestic-mixed");
  const capture = (api: "rest" | "soap") => {
    const seen: InvoiceOptions[] = [];
    const b = books(api, {
      findInvoice: async () => null,
      addInvoice: async (_e: SalesEntry, o: InvoiceOptions) => { seen.push(o); return { id: "9", number: "F00009" }; },
    });
    return { b, seen };
  };

  it("PostInAccounting: true for legacy connections, false for token connections, as set on request", async () => {
    for (const [api, settings, expected] of [["soap", {}, true], ["rest", {}, false], ["rest", { invoiceWithMutation: true }, true], ["soap", { invoiceWithMutation: false }, false]] as const) {
      const { b, seen } = capture(api);
      await target(b, { bookAs: "invoices", ...settings }).createInvoice(booking);
      expect(seen[0]).toMatchObject({ withMutation: expected, template: "Invoice template", debtorLedger: "1300" });
    }
  });

  it("e-Boekhouden numbers the invoice unless the shop's number is asked for", async () => {
    const { b, seen } = capture("rest");
    await target(b, { bookAs: "invoices" }).createInvoice(booking);
    await target(b, { bookAs: "invoices", invoiceNumbering: "shop" }).createInvoice(booking);
    expect(seen.map((o) => o.invoiceNumber)).toEqual([undefined, "ORD145"]);
  });

  it("an invoice found by the look-up is the booking", async () => {
    const b = books("rest", { findInvoice: async () => ({ id: "3", number: "F00003" }) });
    expect(await target(b, { bookAs: "invoices" }).createInvoice(booking)).toEqual({ id: "3", number: "F00003" });
    expect(b.log).toEqual(["findInvoice"]);
  });
});

describe("settings", () => {
  it("invalid settings are a clear permanent error", () => {
    expect(() => target(books("rest", {}), { bookAs: "journal" })).toThrow(/settings are invalid.*bookAs/);
  });
});
