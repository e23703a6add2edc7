import { z } from "zod";

/**
 * Text a merchant types into a ticket, up to `max` characters. NUL is refused: no human types it,
 * and PostgreSQL cannot store it in text (the insert would fail with a 500).
 */
export const ticketText = (max: number) =>
  z.string().trim().max(max).refine((text) => !text.includes("\u0000"), { message: "The text contains a NUL character." });
