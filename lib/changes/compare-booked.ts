import type { SalesDocument } from "../domain/sales-document";
import { money } from "../domain/money";

/** One difference between what was booked and what the shop holds now. */
export type ShopChange = { field: string; booked: string; shop: string };

const amountsDiffer = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a !== b : !money(a).eq(money(b)));

/**
 * Pure: what changed in the shop's document since it was booked, compared on what the booking
 * stands on (currency, totals, VAT, the lines' descriptions, quantities, rates and amounts, the
 * customer's e-mail). Both sides are normalized documents, so a changed field name or format in
 * the shop's JSON alone is no change.
 */
export function compareBooked(booked: SalesDocument, shop: SalesDocument): ShopChange[] {
  const changes: ShopChange[] = [];
  const text = (field: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? "") !== (b ?? "")) changes.push({ field, booked: a ?? "", shop: b ?? "" });
  };
  /** Money to the cent as people write it ("29.90"); quantities and rates as they are. */
  const amount = (field: string, a: string | undefined, b: string | undefined, places?: number) => {
    const show = (v: string | undefined) => (v === undefined ? "" : places === undefined ? v : money(v).toFixed(places));
    if (amountsDiffer(a, b)) changes.push({ field, booked: show(a), shop: show(b) });
  };
  text("currency", booked.currency, shop.currency);
  amount("total incl. VAT", booked.totals.incl, shop.totals.incl, 2);
  amount("total excl. VAT", booked.totals.excl, shop.totals.excl, 2);
  amount("VAT", booked.totals.vat, shop.totals.vat, 2);
  text("customer e-mail", booked.customer.email?.toLowerCase(), shop.customer.email?.toLowerCase());
  const count = Math.max(booked.lines.length, shop.lines.length);
  if (booked.lines.length !== shop.lines.length) text("number of lines", String(booked.lines.length), String(shop.lines.length));
  for (let i = 0; i < count; i++) {
    const a = booked.lines[i];
    const b = shop.lines[i];
    const at = `line ${i + 1}`;
    if (!a || !b) {
      text(at, a ? lineText(a) : "", b ? lineText(b) : "");
      continue;
    }
    text(`${at} description`, a.description, b.description);
    amount(`${at} quantity`, a.quantity, b.quantity);
    amount(`${at} VAT rate`, a.vatRate, b.vatRate);
    amount(`${at} total incl. VAT`, a.totalIncl, b.totalIncl, 2);
  }
  return changes;
}

const lineText = (line: SalesDocument["lines"][number]) => `${line.quantity} × ${line.description} (${line.totalIncl})`;
