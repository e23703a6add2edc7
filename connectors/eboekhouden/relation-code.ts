import type { Address } from "@/lib/domain/sales-document";

/**
 * The RelationCode of a new debtor, exactly as the manual describes e-Boekhouden's own logic:
 * 1. company name and personal name (first name + last name);
 * 2. the company name is the base name when present, otherwise the personal name;
 * 3. at most the first 10 characters of the base name;
 * 4. when that base is taken, the first free sequence number is appended
 *    (KlaartjePi … KlaartjePi4 taken → KlaartjePi5).
 * Spaces are left out ("Klaartje Pietersen" → "KlaartjePietersen"), and so are the wildcard
 * characters of e-Boekhouden's search (`%`, `?`), which could not be looked up reliably.
 */
const BASE_LENGTH = 10;
const MAX_CODE_LENGTH = 15; // REL_006 beyond this

export function relationBaseName(billing: Address, email?: string): string {
  const clean = (text: string | undefined) => (text ?? "").replace(/[\s%?]/g, "");
  const company = clean(billing.company);
  const person = clean(`${billing.firstName ?? ""}${billing.lastName ?? ""}`);
  // Neither name: the part of the email address before the @, so the code still says who it is.
  const base = company || person || clean(email?.split("@")[0]) || "Debiteur";
  return Array.from(base).slice(0, BASE_LENGTH).join("");
}

/**
 * The first code not in `taken` (compared without regard to case, as e-Boekhouden does): the
 * base itself, then base1, base2, …
 */
export function firstFreeCode(base: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (c) => c.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 1; ; n++) {
    const code = `${base}${n}`;
    if (code.length > MAX_CODE_LENGTH) throw new Error(`No free relation code left for "${base}"`);
    if (!used.has(code.toLowerCase())) return code;
  }
}

/** Of a list of codes, those that are the base or the base followed by a sequence number. */
export const codesOfBase = (base: string, codes: string[]) => {
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\d*$`, "i");
  return codes.filter((c) => pattern.test(c.trim()));
};
