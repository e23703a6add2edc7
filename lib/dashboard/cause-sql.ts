import { Prisma } from "../db/generated/client";
import { causeParamNames, causeParamTable, type ErrorCause } from "../pipeline/error-cause";

/**
 * The cause of an error document in SQL, mirroring lib/pipeline/error-cause.ts: the code plus, for
 * codes that have them, the named parameters read from `errorParams` (as text). Grouping and
 * filtering both happen in the database, so 200,000 errors are never loaded to be grouped.
 */

/** Every parameter name any code groups by, in a stable order. */
export function causeParamColumns(): string[] {
  return [...new Set(Object.values(causeParamTable()).flat())].sort();
}

/** One SELECT expression per parameter name: its text for the codes that group by it, else NULL. */
export function causeParamSelects(alias: Prisma.Sql): Prisma.Sql[] {
  const table = causeParamTable();
  return causeParamColumns().map((name) => {
    const codes = Object.keys(table).filter((code) => table[code]!.includes(name));
    return Prisma.sql`CASE WHEN ${alias}."errorCode" = ANY(${codes}::text[]) THEN ${alias}."errorParams"->>${name} END`;
  });
}

/** The documents of one cause: same code, same value (or none) of each parameter it groups by. */
export function causeCondition(alias: Prisma.Sql, cause: ErrorCause): Prisma.Sql {
  // A failure recorded without a code groups as "" (errorGroups reads it the same way).
  const parts = [Prisma.sql`COALESCE(${alias}."errorCode", '') = ${cause.code}`];
  for (const name of causeParamNames(cause.code)) {
    const value = cause.params[name];
    parts.push(value === undefined
      ? Prisma.sql`(${alias}."errorParams"->>${name}) IS NULL`
      : Prisma.sql`(${alias}."errorParams"->>${name}) = ${value}`);
  }
  return Prisma.join(parts, " AND ");
}
