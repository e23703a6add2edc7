import { Prisma } from "@/lib/db/generated/client";

/**
 * SQL pieces shared by the period aggregates and the per-document breakdown. The VAT country is
 * where the goods go (delivery country), else the billing country, else the shop's own country,
 * as the VAT engine decides it; a document not yet normalized has no lines and counts under its
 * stored totals with rate and country unknown.
 */
export const countrySql = Prisma.sql`COALESCE(d."normalized"->>'deliveryCountry', d."normalized"->'customer'->'billing'->>'country', d."normalized"->>'shopCountry')`;

/** One row per line of each document: the lateral join over the normalized lines. */
export const linesSql = Prisma.sql`CROSS JOIN LATERAL jsonb_array_elements(d."normalized"->'lines') AS l`;

export const lineAmountsSql = Prisma.sql`SUM((l->>'totalExcl')::numeric)::text AS excl, SUM((l->>'vatAmount')::numeric)::text AS vat, SUM((l->>'totalIncl')::numeric)::text AS incl`;
