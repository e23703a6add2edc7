/**
 * The shape and check-digit rule of the VAT numbers of every EU member state and of Northern
 * Ireland (XI), written from the rules the member states publish (EU TEDB / VIES documentation).
 * Pure data plus small pure functions: `vat-number.ts` turns them into merchant-readable answers.
 *
 * A `body` is the VAT number without its two-letter prefix, already compacted (no spaces, dots or
 * dashes) and upper-cased. `shape` is checked first; `problem` only sees bodies of the right shape.
 */
export type VatRule = {
  /** The prefix in VAT numbers and in VIES: the ISO 3166 code, except EL (Greece) and XI (Northern Ireland). */
  prefix: string;
  /** The ISO 3166 country code of an address there (GR for EL, GB for XI). */
  iso: string;
  /** "Dutch", as in "not a valid Dutch VAT number". */
  adjective: string;
  /** The shape for people: "NL + 9 digits + B + 2 digits". */
  format: string;
  shape: RegExp;
  /** Historic shorter numbers still in use, brought to today's length (BE 9 → 10 digits, EL 8 → 9). */
  pad?(body: string): string;
  /** What is wrong with a body that lacks the shape ("has 8 digits"); a generic description when absent. */
  misshape?(body: string): string | undefined;
  /** Why a body of the right shape is not valid (check digit, impossible component), or undefined when it is. */
  problem(body: string): string | undefined;
};

// ─── Arithmetic shared by several countries ─────────────────────────────────

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Σ digit[i] × weights[i] over the weights given (the digits beyond them are ignored). */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((w, i) => { sum += digit(digits, i) * w; });
  return sum;
}

/** Luhn (ISO/IEC 7812): from the right, every second digit doubled (minus 9 above 9); the total ends in 0. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const d = digit(digits, i) * (double ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11,10 (pure recursive): the check digit of `digits`. Used by DE and HR. */
export function mod11_10CheckDigit(digits: string): number {
  let product = 10;
  for (let i = 0; i < digits.length; i++) {
    let sum = (digit(digits, i) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10;
}

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (A = 10 … Z = 35), digit by digit so any length works. */
export function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of value) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const CHECK_DIGIT = "its check digit does not match";
const checkDigit = (ok: boolean) => (ok ? undefined : CHECK_DIGIT);
/** "it cannot start with 0" when the body starts with one of `forbidden`. */
const forbiddenStart = (body: string, forbidden: string) => (forbidden.includes(body[0] ?? "") ? `it cannot start with ${body[0]}` : undefined);

// ─── Country by country ─────────────────────────────────────────────────────

/** AT: U + 8 digits; the 8th is a check digit over the 7 before it (weights 1,2,1,2…, digit sums, + 4). */
function austria(body: string) {
  const d = body.slice(1);
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const p = digit(d, i) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return checkDigit((10 - ((sum + 4) % 10)) % 10 === digit(d, 7));
}

/** BE: 10 digits; the last two are 97 − (the first eight mod 97). */
function belgium(body: string) {
  if (/^0+$/.test(body)) return "it cannot be all zeros";
  return body.slice(8) === String(97 - (Number(body.slice(0, 8)) % 97)).padStart(2, "0") ? undefined : "its check digits do not match";
}

/** BG: 9 digits (companies) or 10 digits (people: EGN, foreigners' PNF, others), each with its own check. */
function bulgaria(body: string) {
  if (body.length === 9) {
    let r = weightedSum(body, [1, 2, 3, 4, 5, 6, 7, 8]) % 11;
    if (r === 10) r = (weightedSum(body, [3, 4, 5, 6, 7, 8, 9, 10]) % 11) % 10;
    return checkDigit(r === digit(body, 8));
  }
  const last = digit(body, 9);
  const egn = () => {
    const yy = Number(body.slice(0, 2));
    let mm = Number(body.slice(2, 4));
    let year = 1900 + yy;
    if (mm > 40) { year = 2000 + yy; mm -= 40; } else if (mm > 20) { year = 1800 + yy; mm -= 20; }
    return isRealDate(year, mm, Number(body.slice(4, 6))) && (weightedSum(body, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === last;
  };
  const foreigner = () => weightedSum(body, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === last;
  const other = () => (11 - (weightedSum(body, [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11 === last;
  return checkDigit(egn() || foreigner() || other());
}

/** CY: 8 digits + a check letter; digits in odd positions are recoded before summing mod 26. */
const CY_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
function cyprus(body: string) {
  if (body.startsWith("12")) return "it cannot start with 12";
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += i % 2 === 0 ? CY_ODD[digit(body, i)]! : digit(body, i);
  return body[8] === String.fromCharCode(65 + (sum % 26)) ? undefined : "its check letter does not match";
}

/** CZ: 8 digits (companies), 9 digits starting with 6 (special individuals), or a 9/10-digit birth number. */
function czechia(body: string) {
  if (body.length === 8) {
    if (body[0] === "9") return "an 8-digit Czech VAT number cannot start with 9";
    return checkDigit((11 - (weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === digit(body, 7));
  }
  if (body.length === 9 && body[0] === "6") {
    const r = weightedSum(body.slice(1), [8, 7, 6, 5, 4, 3, 2]) % 11;
    const difference = r === 0 ? 11 : 11 - r;
    return checkDigit([8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8][difference - 1] === digit(body, 8));
  }
  // Birth number (rodné číslo): YYMMDD (+50 on the month for women, +20 for the 2004 overflow), serial, check.
  const yy = Number(body.slice(0, 2));
  const mm = Number(body.slice(2, 4));
  const month = mm > 70 ? mm - 70 : mm > 50 ? mm - 50 : mm > 20 ? mm - 20 : mm;
  if ([mm, mm - 20, mm - 50, mm - 70].every((m) => m < 1 || m > 12)) return "the birth date in it does not exist";
  let year = 1900 + yy;
  if (body.length === 9) {
    if (yy >= 80) year -= 100;
    if (year > 1953) return "9-digit Czech birth numbers were only issued before 1954";
  } else if (year < 1954) year += 100;
  if (!isRealDate(year, month, Number(body.slice(4, 6)))) return "the birth date in it does not exist";
  if (body.length === 9) return undefined; // no check digit before 1954
  const r = Number(body.slice(0, 9)) % 11;
  return checkDigit((year < 1985 ? r % 10 : r) === digit(body, 9));
}

/** DE: 9 digits, not starting with 0; ISO 7064 MOD 11,10. */
const germany = (body: string) => forbiddenStart(body, "0") ?? checkDigit(mod11_10CheckDigit(body.slice(0, 8)) === digit(body, 8));

/** DK: 8 digits, not starting with 0; weights 2,7,6,5,4,3,2,1 sum to a multiple of 11. */
const denmark = (body: string) => forbiddenStart(body, "0") ?? checkDigit(weightedSum(body, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0);

/** EE: 9 digits; weights 3,7,1 repeated sum to a multiple of 10. */
const estonia = (body: string) => checkDigit(weightedSum(body, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0);

/** EL: 9 digits; the first eight weighted by powers of two (256 … 2), mod 11, mod 10. */
const greece = (body: string) => checkDigit((weightedSum(body, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === digit(body, 8));

/** ES: NIF of a person (DNI digits or NIE X/Y/Z, or K/L/M + 7 digits, each + check letter) or CIF of an entity. */
const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
const CIF_FIRST = "ABCDEFGHJNPQRSUVW";
function spain(body: string) {
  const first = body[0]!;
  const last = body[8]!;
  const middle = body.slice(1, 8);
  const letterCheck = (n: number) => (DNI_LETTERS[n % 23] === last ? undefined : "its check letter does not match");
  if (/\d/.test(first)) return letterCheck(Number(body.slice(0, 8)));
  if ("XYZ".includes(first)) return letterCheck(Number(String("XYZ".indexOf(first)) + middle));
  if ("KLM".includes(first)) return letterCheck(Number(middle));
  if (!CIF_FIRST.includes(first)) return `no Spanish VAT number starts with the letter ${first}`;
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = digit(middle, i) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  const control = (10 - (sum % 10)) % 10;
  return last === String(control) || last === "JABCDEFGHI"[control] ? undefined : "its check character does not match";
}

/** FI: 8 digits; weights 7,9,10,5,8,4,2 mod 11 (remainder 1 is never issued). */
function finland(body: string) {
  const r = weightedSum(body, [7, 9, 10, 5, 8, 4, 2]) % 11;
  return checkDigit(r !== 1 && (r === 0 ? 0 : 11 - r) === digit(body, 7));
}

/** FR: a 2-character key + the 9-digit SIREN (Luhn; Monaco's start with 000). Numeric key = (12 + 3 × (SIREN mod 97)) mod 97. */
const FR_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
function france(body: string) {
  const key = body.slice(0, 2);
  const siren = body.slice(2);
  if (!siren.startsWith("000") && !luhnValid(siren)) return "its SIREN part (the last 9 digits) is not a valid SIREN number";
  if (/^\d\d$/.test(key)) return Number(key) === (12 + 3 * (Number(siren) % 97)) % 97 ? undefined : "its check key (the 2 characters after FR) does not match";
  // New-style keys with letters (no I or O).
  const [a, b] = [FR_KEY_ALPHABET.indexOf(key[0]!), FR_KEY_ALPHABET.indexOf(key[1]!)];
  const check = /\d/.test(key[0]!) ? a * 24 + b - 10 : a * 34 + b - 100;
  return (Number(siren) + 1 + Math.floor(check / 11)) % 11 === check % 11 ? undefined : "its check key (the 2 characters after FR) does not match";
}

/** HR: 11 digits (OIB); ISO 7064 MOD 11,10. */
const croatia = (body: string) => checkDigit(mod11_10CheckDigit(body.slice(0, 10)) === digit(body, 10));

/** HU: 8 digits; weights 9,7,3,1 repeated sum to a multiple of 10. */
const hungary = (body: string) => checkDigit(weightedSum(body, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0);

/**
 * IE: 7 digits + check letter (+ a second letter since 2013), or the old form digit, letter/+/*,
 * 5 digits, check letter (read as 0 + the 5 digits + the first digit). Weights 8 … 2, the second
 * letter × 9, mod 23 into W, A … V.
 */
const IE_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";
function ireland(body: string) {
  const old = !/^\d{7}/.test(body);
  const digits = old ? `0${body.slice(2, 7)}${body[0]}` : body.slice(0, 7);
  const second = old ? 0 : Math.max(0, IE_LETTERS.indexOf(body[8] ?? "W"));
  const expected = IE_LETTERS[(weightedSum(digits, [8, 7, 6, 5, 4, 3, 2]) + 9 * second) % 23];
  return body[7] === expected ? undefined : "its check letter does not match";
}

/** IT: 11 digits: 7-digit serial (not all 0), 3-digit tax office (001–100, 120, 121, 888, 999), Luhn check digit. */
function italy(body: string) {
  if (/^0{7}/.test(body)) return "its first seven digits cannot all be 0";
  const office = body.slice(7, 10);
  const officeNumber = Number(office);
  if (!((officeNumber >= 1 && officeNumber <= 100) || ["120", "121", "888", "999"].includes(office))) return `its tax office code ${office} does not exist`;
  return checkDigit(luhnValid(body));
}

/** LT: 9 digits (8th is 1) or 12 digits (11th is 1); weights 1 … 9, 1 … then, on remainder 10, 3 … 9, 1 …; mod 11. */
function lithuania(body: string) {
  const marker = body.length === 9 ? 7 : 10;
  if (body[marker] !== "1") return `its ${marker + 1}th digit must be 1`;
  const n = body.length - 1;
  const pass = (offset: number) => weightedSum(body, Array.from({ length: n }, (_, i) => 1 + ((i + offset) % 9))) % 11;
  let r = pass(0);
  if (r === 10) r = pass(2) % 10;
  return checkDigit(r === digit(body, n));
}

/** LU: 8 digits; the first six mod 89 give the last two. */
const luxembourg = (body: string) => (Number(body.slice(0, 6)) % 89 === Number(body.slice(6)) ? undefined : "its check digits do not match");

/**
 * LV: 11 digits. Legal entities (first digit above 3): weights 9,1,4,8,3,10,2,5,7,6,1 give 3 mod 11.
 * People: DDMMYY + century digit + serial + check; new-style personal codes (since 2017) start
 * with 32, carry no birth date and have no published check digit.
 */
function latvia(body: string) {
  if (digit(body, 0) > 3) return checkDigit(weightedSum(body, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 === 3);
  if (body.startsWith("32")) return undefined;
  const year = 1800 + 100 * digit(body, 6) + Number(body.slice(4, 6));
  if (!isRealDate(year, Number(body.slice(2, 4)), Number(body.slice(0, 2)))) return "the birth date in it does not exist";
  return checkDigit(((1 + weightedSum(body, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11) % 10 === digit(body, 10));
}

/** MT: 8 digits, not starting with 0; weights 3,4,6,7,8,9 plus the last two digits, a multiple of 37. */
const malta = (body: string) =>
  forbiddenStart(body, "0") ?? ((weightedSum(body, [3, 4, 6, 7, 8, 9]) + Number(body.slice(6))) % 37 === 0 ? undefined : "its check digits do not match");

/**
 * NL: 9 digits + B + 2 digits. Companies: the 9 digits pass the eleven-test (9,8 … 2, −1).
 * Sole proprietors (numbers issued since 2020): "NL" + the whole number is 1 mod 97 (ISO 7064).
 */
function netherlands(body: string) {
  if (/^0{9}/.test(body)) return "it cannot be all zeros";
  if (body.endsWith("00")) return "the two digits after the B cannot be 00";
  const elevenTest = (weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) - digit(body, 8)) % 11 === 0;
  return checkDigit(elevenTest || mod97(`NL${body}`) === 1);
}

/** PL: 10 digits; weights 6,5,7,2,3,4,5,6,7 mod 11 (remainder 10 is never issued). */
function poland(body: string) {
  const r = weightedSum(body, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return checkDigit(r !== 10 && r === digit(body, 9));
}

/** PT: 9 digits, not starting with 0; 11 − (weights 9 … 2 mod 11), 10 and 11 becoming 0. */
function portugal(body: string) {
  const c = 11 - (weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return forbiddenStart(body, "0") ?? checkDigit((c >= 10 ? 0 : c) === digit(body, 8));
}

/** RO: 2 to 10 digits, not starting with 0; right-aligned weights 7,5,3,2,1,7,5,3,2; (sum × 10) mod 11 mod 10. */
function romania(body: string) {
  const padded = body.padStart(10, "0");
  return forbiddenStart(body, "0") ?? checkDigit(((weightedSum(padded, [7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10) % 11) % 10 === digit(padded, 9));
}

/** SE: the 10-digit organisation number (Luhn) + 01. */
function sweden(body: string) {
  if (!body.endsWith("01")) return "it must end in 01";
  return checkDigit(luhnValid(body.slice(0, 10)));
}

/** SI: 8 digits, not starting with 0; 11 − (weights 8 … 2 mod 11), 10 becoming 0, 11 never issued. */
function slovenia(body: string) {
  const c = 11 - (weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) % 11);
  return forbiddenStart(body, "0") ?? checkDigit(c !== 11 && c % 10 === digit(body, 7));
}

/** SK: 10 digits, not starting with 0, third digit 2, 3, 4, 7, 8 or 9; the number is a multiple of 11. */
function slovakia(body: string) {
  if (body[0] === "0") return "it cannot start with 0";
  if (!"234789".includes(body[2]!)) return `its third digit cannot be ${body[2]}`;
  return checkDigit(Number(body) % 11 === 0);
}

/**
 * XI (Northern Ireland, the UK scheme): 9 digits, or 12 for branch traders (the last 3 name the
 * branch), or GD/HA + 3 digits for government departments (000–499) and health authorities
 * (500–999). Weights 8 … 2 plus the last two digits: 0 mod 97, or 42 mod 97 (the 97-55 scheme,
 * numbers from 100 0000 00 on).
 */
function northernIreland(body: string) {
  if (body.startsWith("GD")) return Number(body.slice(2)) < 500 ? undefined : "government department numbers (GD) run from 000 to 499";
  if (body.startsWith("HA")) return Number(body.slice(2)) >= 500 ? undefined : "health authority numbers (HA) run from 500 to 999";
  const r = (weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) + Number(body.slice(7, 9))) % 97;
  return checkDigit(r === 0 || (r === 42 && Number(body.slice(0, 3)) >= 100));
}

// ─── Shapes that deserve a more precise complaint than a digit count ────────

function countDigits(body: string): string {
  const n = body.length;
  return `has ${n} digit${n === 1 ? "" : "s"}`;
}

const misshapes = {
  AT(body: string) {
    if (/^\d{8}$/.test(body)) return "lacks the U after AT";
    if (/^U\d*$/.test(body)) return `has ${body.length - 1} digit${body.length === 2 ? "" : "s"} after the U`;
    return undefined;
  },
  NL(body: string) {
    const m = /^(\d*)B(\d*)$/.exec(body);
    if (!m) return /^\d+$/.test(body) ? `${countDigits(body)} and no B` : undefined;
    if (m[1]!.length !== 9) return `has ${m[1]!.length} digit${m[1]!.length === 1 ? "" : "s"} before the B`;
    return `has ${m[2]!.length} digit${m[2]!.length === 1 ? "" : "s"} after the B`;
  },
  CY(body: string) {
    if (/^\d{8}$/.test(body)) return "lacks the check letter at the end";
    if (/^\d*[A-Z]$/.test(body)) return `has ${body.length - 1} digit${body.length === 2 ? "" : "s"} before the letter`;
    return undefined;
  },
};

// ─── The table ──────────────────────────────────────────────────────────────

export const vatRules: readonly VatRule[] = [
  { prefix: "AT", iso: "AT", adjective: "Austrian", format: "ATU + 8 digits", shape: /^U\d{8}$/, misshape: misshapes.AT, problem: austria },
  { prefix: "BE", iso: "BE", adjective: "Belgian", format: "BE + 10 digits starting with 0 or 1", shape: /^[01]\d{9}$/, pad: (b) => (/^\d{9}$/.test(b) ? `0${b}` : b), problem: belgium },
  { prefix: "BG", iso: "BG", adjective: "Bulgarian", format: "BG + 9 or 10 digits", shape: /^\d{9,10}$/, problem: bulgaria },
  { prefix: "CY", iso: "CY", adjective: "Cypriot", format: "CY + 8 digits + 1 letter", shape: /^\d{8}[A-Z]$/, misshape: misshapes.CY, problem: cyprus },
  { prefix: "CZ", iso: "CZ", adjective: "Czech", format: "CZ + 8, 9 or 10 digits", shape: /^\d{8,10}$/, problem: czechia },
  { prefix: "DE", iso: "DE", adjective: "German", format: "DE + 9 digits", shape: /^\d{9}$/, problem: germany },
  { prefix: "DK", iso: "DK", adjective: "Danish", format: "DK + 8 digits", shape: /^\d{8}$/, problem: denmark },
  { prefix: "EE", iso: "EE", adjective: "Estonian", format: "EE + 9 digits", shape: /^\d{9}$/, problem: estonia },
  { prefix: "EL", iso: "GR", adjective: "Greek", format: "EL + 9 digits", shape: /^\d{9}$/, pad: (b) => (/^\d{8}$/.test(b) ? `0${b}` : b), problem: greece },
  { prefix: "ES", iso: "ES", adjective: "Spanish", format: "ES + 9 characters: a letter or digit, 7 digits, a letter or digit", shape: /^[0-9A-Z]\d{7}[0-9A-Z]$/, problem: spain },
  { prefix: "FI", iso: "FI", adjective: "Finnish", format: "FI + 8 digits", shape: /^\d{8}$/, problem: finland },
  { prefix: "FR", iso: "FR", adjective: "French", format: "FR + a 2-character key + the 9-digit SIREN", shape: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, problem: france },
  { prefix: "HR", iso: "HR", adjective: "Croatian", format: "HR + 11 digits", shape: /^\d{11}$/, problem: croatia },
  { prefix: "HU", iso: "HU", adjective: "Hungarian", format: "HU + 8 digits", shape: /^\d{8}$/, problem: hungary },
  { prefix: "IE", iso: "IE", adjective: "Irish", format: "IE + 7 digits + 1 or 2 letters (or the old form: digit, letter, 5 digits, letter)", shape: /^(\d{7}[A-W][A-W]?|\d[A-Z+*]\d{5}[A-W])$/, problem: ireland },
  { prefix: "IT", iso: "IT", adjective: "Italian", format: "IT + 11 digits", shape: /^\d{11}$/, problem: italy },
  { prefix: "LT", iso: "LT", adjective: "Lithuanian", format: "LT + 9 or 12 digits", shape: /^(\d{9}|\d{12})$/, problem: lithuania },
  { prefix: "LU", iso: "LU", adjective: "Luxembourg", format: "LU + 8 digits", shape: /^\d{8}$/, problem: luxembourg },
  { prefix: "LV", iso: "LV", adjective: "Latvian", format: "LV + 11 digits", shape: /^\d{11}$/, problem: latvia },
  { prefix: "MT", iso: "MT", adjective: "Maltese", format: "MT + 8 digits", shape: /^\d{8}$/, problem: malta },
  { prefix: "NL", iso: "NL", adjective: "Dutch", format: "NL + 9 digits + B + 2 digits", shape: /^\d{9}B\d{2}$/, misshape: misshapes.NL, problem: netherlands },
  { prefix: "PL", iso: "PL", adjective: "Polish", format: "PL + 10 digits", shape: /^\d{10}$/, problem: poland },
  { prefix: "PT", iso: "PT", adjective: "Portuguese", format: "PT + 9 digits", shape: /^\d{9}$/, problem: portugal },
  { prefix: "RO", iso: "RO", adjective: "Romanian", format: "RO + 2 to 10 digits", shape: /^\d{2,10}$/, problem: romania },
  { prefix: "SE", iso: "SE", adjective: "Swedish", format: "SE + 12 digits ending in 01", shape: /^\d{12}$/, problem: sweden },
  { prefix: "SI", iso: "SI", adjective: "Slovenian", format: "SI + 8 digits", shape: /^\d{8}$/, problem: slovenia },
  { prefix: "SK", iso: "SK", adjective: "Slovak", format: "SK + 10 digits", shape: /^\d{10}$/, problem: slovakia },
  { prefix: "XI", iso: "GB", adjective: "Northern Ireland", format: "XI + 9 digits (12 for a branch), or XI + GD or HA + 3 digits", shape: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, problem: northernIreland },
];

export const vatRuleByPrefix: ReadonlyMap<string, VatRule> = new Map(vatRules.map((r) => [r.prefix, r]));
