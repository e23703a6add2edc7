/**
 * What one VIES sandbox tenant knows. VIES itself has no tenants; a tenant here is one test
 * world (the demo merchant's, a test's), so numbers registered through `_admin/numbers` in one do
 * not leak into another.
 */
export type RegisteredNumber = {
  /** VIES country code (EL, XI…) and the number after it. */
  countryCode: string;
  vatNumber: string;
  valid: boolean;
  name?: string;
  address?: string;
};

export type ViesSandboxState = {
  /** Keyed by country code + number ("NL800000018B01"). */
  numbers: Record<string, RegisteredNumber>;
  /** Consultation numbers issued so far (makes each requestIdentifier unique in the tenant). */
  consultations: number;
};

/** Numbers whose digits (after any leading letters) start with these get a member-state failure. */
export const MS_UNAVAILABLE_PREFIX = "999999";
export const MS_MAX_CONCURRENT_REQ_PREFIX = "999998";

/**
 * Registered once, deregistered since: their check digits are right, yet VIES says invalid. The
 * case the offline check cannot catch.
 */
export const DEREGISTERED_NUMBERS = ["NL800000031B01", "BE0800000273", "DE300000027"] as const;

/** Traders every fresh tenant knows by name, the way VIES shows them for NL and BE. */
export const SEEDED_NUMBERS: readonly RegisteredNumber[] = [
  { countryCode: "NL", vatNumber: "800000018B01", valid: true, name: "VOORBEELD GROOTHANDEL B.V.", address: "KEIZERSGRACHT 00001\n1015CJ AMSTERDAM" },
  { countryCode: "BE", vatNumber: "0800000174", valid: true, name: "BV VOORBEELD HANDEL", address: "Grote Markt 1\n1000 Brussel" },
];

const seeded = (): Record<string, RegisteredNumber> =>
  Object.fromEntries(SEEDED_NUMBERS.map((n) => [`${n.countryCode}${n.vatNumber}`, { ...n }]));

export const initialState = (): ViesSandboxState => ({ numbers: seeded(), consultations: 0 });

/** `_admin/reset`: numbers registered by tests are forgotten, the seeded traders come back. */
export const reset = (): ViesSandboxState => initialState();
