import { readFileSync } from "node:fs";
import path from "node:path";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import type { Booking } from "../../types";
import { wefactSettingsSchema, type WefactSettings } from "../config";

/** A recorded booking: a valid domain document, the grid's VAT code (and product) per line, what WeFact must receive. */
export type BookingFixture = {
  settings: WefactSettings;
  booking: Booking;
  expectedInvoice: Record<string, unknown>;
  expectedDebtor: Record<string, unknown>;
};

type Raw = Omit<BookingFixture, "settings" | "booking"> & { settings: unknown; booking: Omit<Booking, "lines"> & { vatCodes: string[]; productIds?: string[] } };

export function bookingFixture(name: "invoice-nl-mixed" | "credit-icp"): BookingFixture {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, `${name}.json`), "utf8")) as Raw;
  // The fixture's document must be a valid domain document, or the tests prove nothing.
  const document = salesDocumentSchema.parse(raw.booking.document);
  const { vatCodes, productIds, ...rest } = raw.booking;
  const lines = document.lines.map((l, i) => ({ ...l, vatCode: vatCodes[i]!, ...(productIds?.[i] ? { productId: productIds[i] } : {}) }));
  return { ...raw, settings: wefactSettingsSchema.parse(raw.settings), booking: { ...rest, document, lines } };
}
