import { z } from "zod";

/**
 * The integration setting "booking": choices about how a document is booked that hold for every
 * accounting system. `roundingLine`: book a "Rounding difference" line where the system's own VAT
 * rounding cannot reproduce the shop's cents otherwise. `viesCheck`: ask VIES before booking ICP.
 * `requesterVatNumber`: the merchant's own VAT number, so VIES issues a consultation number as proof.
 * `creditAndRebook`: changes after booking are credited and booked again automatically (off by default).
 */
export const bookingSettingSchema = z.object({
  roundingLine: z.boolean().default(false),
  viesCheck: z.boolean().default(true),
  requesterVatNumber: z.string().trim().min(1).optional(),
  /** A booked document that changes in the shop is credited (or deleted) and its new version booked, where the target can undo. */
  creditAndRebook: z.boolean().default(false),
});

export type BookingSetting = z.infer<typeof bookingSettingSchema>;

/** The stored setting; when missing or unreadable, the safe defaults (no rounding line, VIES asked). */
export function bookingSettingOf(value: unknown): BookingSetting {
  const parsed = bookingSettingSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : bookingSettingSchema.parse({});
}
