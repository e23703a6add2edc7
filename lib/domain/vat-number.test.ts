import { describe, expect, it } from "vitest";
import { normalizeVatNumber, validateVatNumber } from "./vat-number";
import { vatRules } from "./vat-number-rules";

/**
 * Every valid example below was generated at random and confirmed by an independent
 * implementation of the published rules (python-stdnum), never written by hand; its invalid twin
 * differs only in a check character, which that implementation also rejects.
 */
const checkDigitCases: [country: string, form: string, valid: string, wrongCheck: string][] = [
  ["AT", "ATU 8 digits", "ATU00330766", "ATU00330760"],
  ["BE", "10 digits from 0", "BE0549026730", "BE0549026731"],
  ["BE", "10 digits from 1", "BE1559442769", "BE1559442760"],
  ["BG", "9 digits, legal entity", "BG369890808", "BG369890800"],
  ["BG", "10 digits, person (EGN)", "BG7512175738", "BG7512175730"],
  ["CY", "8 digits + letter", "CY30706918E", "CY30706918A"],
  ["CZ", "8 digits, legal entity", "CZ50939807", "CZ50939800"],
  ["CZ", "9 digits starting with 6, special", "CZ627317088", "CZ627317080"],
  ["CZ", "10 digits, birth number", "CZ8503097735", "CZ8503097730"],
  ["DE", "9 digits", "DE983924221", "DE983924220"],
  ["DK", "8 digits", "DK57551976", "DK57551970"],
  ["EE", "9 digits", "EE100826317", "EE100826310"],
  ["EL", "9 digits", "EL007617881", "EL007617880"],
  ["ES", "DNI: 8 digits + letter", "ES38050321H", "ES38050321A"],
  ["ES", "NIE: X/Y/Z + 7 digits + letter", "ESX6853259H", "ESX6853259A"],
  ["ES", "CIF: entity letter + 7 digits + digit", "ESA07198674", "ESA07198670"],
  ["ES", "CIF: entity letter + 7 digits + letter", "ESS3009677J", "ESS3009677A"],
  ["ES", "K/L/M + 7 digits + letter", "ESL7111536M", "ESL7111536A"],
  ["FI", "8 digits", "FI78267696", "FI78267690"],
  ["FR", "numeric key", "FR54314429200", "FR50314429200"],
  ["FR", "key with letters", "FRCG632523460", "FRCA632523460"],
  ["HR", "11 digits", "HR53856087035", "HR53856087030"],
  ["HU", "8 digits", "HU27462698", "HU27462690"],
  ["IE", "7 digits + letter", "IE3567093B", "IE3567093A"],
  ["IE", "7 digits + 2 letters", "IE0560444RH", "IE0560444RA"],
  ["IE", "old form", "IE4H13782N", "IE4H13782A"],
  ["IT", "11 digits", "IT69162030980", "IT69162030981"],
  ["LT", "9 digits", "LT488190311", "LT488190310"],
  ["LT", "12 digits", "LT396056614011", "LT396056614010"],
  ["LU", "8 digits", "LU96682417", "LU96682410"],
  ["LV", "11 digits, legal entity", "LV40147601033", "LV40147601030"],
  ["LV", "11 digits, person", "LV21019913938", "LV21019913930"],
  ["MT", "8 digits", "MT20023613", "MT20023610"],
  ["NL", "eleven-test (companies)", "NL572877031B01", "NL572877030B01"],
  ["NL", "mod 97 (sole proprietors since 2020)", "NL249400360B16", "NL249400361B16"],
  ["PL", "10 digits", "PL4349912577", "PL4349912570"],
  ["PT", "9 digits", "PT141709286", "PT141709280"],
  ["RO", "10 digits", "RO6567881768", "RO6567881760"],
  ["RO", "short (6 digits)", "RO708210", "RO708211"],
  ["SE", "12 digits ending in 01", "SE414105888501", "SE414105888001"],
  ["SI", "8 digits", "SI58063463", "SI58063460"],
  ["SK", "10 digits", "SK3675810138", "SK3675810130"],
  ["XI", "9 digits", "XI788363420", "XI788363421"],
  ["XI", "12 digits (branch)", "XI983879974379", "XI983879970379"],
];

describe("validateVatNumber: every member state and XI", () => {
  it("covers all 27 member states and Northern Ireland", () => {
    expect(vatRules.map((r) => r.prefix).sort()).toEqual([
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
      "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    ]);
    expect(new Set(checkDigitCases.map(([country]) => country))).toEqual(new Set(vatRules.map((r) => r.prefix)));
  });

  it.each(checkDigitCases)("%s (%s): accepts %s", (country, _form, valid) => {
    const result = validateVatNumber(valid);
    expect(result).toEqual({ ok: true, country, isoCountry: vatRules.find((r) => r.prefix === country)!.iso, number: valid.slice(2), formatted: valid });
  });

  it.each(checkDigitCases)("%s (%s): rejects %s's twin %s with a wrong check character", (_country, _form, _valid, wrong) => {
    const result = validateVatNumber(wrong);
    expect(result).toMatchObject({ ok: false, code: "checksum" });
    expect(!result.ok && result.reason).toMatch(new RegExp(`^'${wrong}' is not a valid .+ VAT number: its check (digit|digits|letter|character|key).* do(es)? not match`));
  });

  it.each([
    ["NL004495445B01", "NL"],
    ["NL000099998B57", "NL"], // the Belastingdienst's example of a sole proprietor's number (mod 97)
    ["BE0403170701", "BE"],
    ["DE136695976", "DE"],
    ["FR40303265045", "FR"],
    ["IE6388047V", "IE"],
    ["ATU13585627", "AT"],
    ["EL094014201", "EL"],
    ["ESA28015865", "ES"],
    ["ESX2482300W", "ES"],
    ["IT00743110157", "IT"],
    ["PL8567346215", "PL"],
    ["SE556188840401", "SE"],
    ["DK13585628", "DK"],
    ["CZ25123891", "CZ"],
    ["XI980780684", "XI"],
  ])("accepts the documented example %s", (input, country) => {
    expect(validateVatNumber(input)).toMatchObject({ ok: true, country, formatted: input });
  });

  it.each([
    ["DE012345678", "'DE012345678' is not a valid German VAT number: it cannot start with 0."],
    ["NL123456782B00", "'NL123456782B00' is not a valid Dutch VAT number: the two digits after the B cannot be 00."],
    ["NL000000000B01", "'NL000000000B01' is not a valid Dutch VAT number: it cannot be all zeros."],
    ["IT00743112007", "'IT00743112007' is not a valid Italian VAT number: its tax office code 200 does not exist."],
    ["ESI1234567A", "'ESI1234567A' is not a valid Spanish VAT number: no Spanish VAT number starts with the letter I."],
    ["SE556188840402", "'SE556188840402' is not a valid Swedish VAT number: it must end in 01."],
    ["SK2015123456", "'SK2015123456' is not a valid Slovak VAT number: its third digit cannot be 1."],
    ["CZ95123456", "'CZ95123456' is not a valid Czech VAT number: an 8-digit Czech VAT number cannot start with 9."],
    ["CZ8513327735", "'CZ8513327735' is not a valid Czech VAT number: the birth date in it does not exist."],
    ["LT661077206", "'LT661077206' is not a valid Lithuanian VAT number: its 8th digit must be 1."],
    ["CY12345678A", "'CY12345678A' is not a valid Cypriot VAT number: it cannot start with 12."],
    ["XIGD500", "'XIGD500' is not a valid Northern Ireland VAT number: government department numbers (GD) run from 000 to 499."],
    ["XIHA499", "'XIHA499' is not a valid Northern Ireland VAT number: health authority numbers (HA) run from 500 to 999."],
    ["FR40123456789", "'FR40123456789' is not a valid French VAT number: its SIREN part (the last 9 digits) is not a valid SIREN number."],
  ])("explains why %s is impossible", (input, reason) => {
    expect(validateVatNumber(input)).toEqual({ ok: false, code: "checksum", reason });
  });

  it("accepts government departments and health authorities in Northern Ireland", () => {
    expect(validateVatNumber("XIGD001")).toMatchObject({ ok: true, formatted: "XIGD001" });
    expect(validateVatNumber("XIHA500")).toMatchObject({ ok: true, formatted: "XIHA500" });
  });

  it("accepts a Monaco number (a French VAT number whose SIREN part starts with 000)", () => {
    // key = (12 + 3 × (SIREN mod 97)) mod 97 for SIREN 000012345: 12 + 3 × 26 = 90
    expect(validateVatNumber("FR90000012345")).toMatchObject({ ok: true, country: "FR" });
  });
});

describe("validateVatNumber: the shape, in the merchant's words", () => {
  it.each([
    ["NL12345678B01", "NL VAT numbers are NL + 9 digits + B + 2 digits; 'NL12345678B01' has 8 digits before the B."],
    ["NL123456789B1", "NL VAT numbers are NL + 9 digits + B + 2 digits; 'NL123456789B1' has 1 digit after the B."],
    ["NL123456789", "NL VAT numbers are NL + 9 digits + B + 2 digits; 'NL123456789' has 9 digits and no B."],
    ["AT12345678", "AT VAT numbers are ATU + 8 digits; 'AT12345678' lacks the U after AT."],
    ["ATU1234567", "AT VAT numbers are ATU + 8 digits; 'ATU1234567' has 7 digits after the U."],
    ["DE12345678", "DE VAT numbers are DE + 9 digits; 'DE12345678' has 8 digits."],
    ["DE12345678X", "DE VAT numbers are DE + 9 digits; 'DE12345678X' contains the letter X where only digits belong."],
    ["CY12345678", "CY VAT numbers are CY + 8 digits + 1 letter; 'CY12345678' lacks the check letter at the end."],
    ["BE12345678901", "BE VAT numbers are BE + 10 digits starting with 0 or 1; 'BE12345678901' has 11 digits."],
    ["SE5561888404", "SE VAT numbers are SE + 12 digits ending in 01; 'SE5561888404' has 10 digits."],
    ["PL856/734/62/15", "PL VAT numbers are PL + 10 digits; 'PL856/734/62/15' contains '/'."],
    ["IE12345", "IE VAT numbers are IE + 7 digits + 1 or 2 letters (or the old form: digit, letter, 5 digits, letter); 'IE12345' has 5 digits."],
  ])("%s", (input, reason) => {
    expect(validateVatNumber(input)).toEqual({ ok: false, code: "format", reason });
  });
});

describe("validateVatNumber: prefixes, hints and countries outside VIES", () => {
  it("reads the number without its prefix through the customer's country", () => {
    expect(validateVatNumber("004495445B01", "NL")).toMatchObject({ ok: true, formatted: "NL004495445B01" });
    expect(validateVatNumber("U13585627", "at")).toMatchObject({ ok: true, formatted: "ATU13585627" });
    expect(validateVatNumber("A28015865", "ES")).toMatchObject({ ok: true, formatted: "ESA28015865" });
  });

  it("uses EL for Greece, whether the number or the customer's country says GR", () => {
    expect(validateVatNumber("GR094014201")).toMatchObject({ ok: true, country: "EL", isoCountry: "GR", formatted: "EL094014201" });
    expect(validateVatNumber("094014201", "GR")).toMatchObject({ ok: true, country: "EL", formatted: "EL094014201" });
    expect(validateVatNumber("94014201", "GR")).toMatchObject({ ok: true, number: "094014201" }); // the old 8-digit form
  });

  it("brings old 9-digit Belgian numbers to 10 digits", () => {
    expect(validateVatNumber("BE 403.170.701")).toMatchObject({ ok: true, number: "0403170701", formatted: "BE0403170701" });
  });

  it("lets the prefix in the number win over the customer's country", () => {
    expect(validateVatNumber("BE0403170701", "NL")).toMatchObject({ ok: true, country: "BE" });
  });

  it("says when the country cannot be known", () => {
    expect(validateVatNumber("004495445B01")).toEqual({
      ok: false,
      code: "unknown_country",
      reason: "'004495445B01' has no country prefix (such as NL, BE or DE) and the customer's country is unknown, so it cannot be checked.",
    });
  });

  it("explains UK and non-EU numbers", () => {
    expect(validateVatNumber("GB980780684")).toMatchObject({ ok: false, code: "not_eu", reason: expect.stringContaining("start with XI") });
    expect(validateVatNumber("980780684", "GB")).toMatchObject({ ok: false, code: "not_eu" });
    expect(validateVatNumber("980780684", "XI")).toMatchObject({ ok: true, isoCountry: "GB" });
    expect(validateVatNumber("CHE-123.456.789")).toEqual({ ok: false, code: "not_eu", reason: "'CHE123456789' is not an EU VAT number: CH is not an EU member state (or XI for Northern Ireland)." });
  });

  it("says when nothing was given", () => {
    expect(validateVatNumber("  ")).toEqual({ ok: false, code: "empty", reason: "No VAT number was given." });
    expect(validateVatNumber("NL")).toEqual({ ok: false, code: "empty", reason: "No VAT number was given after the prefix NL." });
  });
});

describe("normalizeVatNumber", () => {
  it.each([
    ["nl 0044.95.445-b01", undefined, { country: "NL", number: "004495445B01", compact: "NL004495445B01" }],
    ["NL-004495445-B01", "BE", { country: "NL", number: "004495445B01", compact: "NL004495445B01" }],
    ["004495445B01", "nl", { country: "NL", number: "004495445B01", compact: "NL004495445B01" }],
    ["GR 094 014 201", undefined, { country: "EL", number: "094014201", compact: "EL094014201" }],
    ["094014201", "GR", { country: "EL", number: "094014201", compact: "EL094014201" }],
    ["xi 980 7806 84", undefined, { country: "XI", number: "980780684", compact: "XI980780684" }],
    ["AB123456789", "FR", { country: "FR", number: "AB123456789", compact: "FRAB123456789" }],
    ["123456789", undefined, { country: null, number: "123456789", compact: "123456789" }],
    ["US 12-3456789", undefined, { country: "US", number: "123456789", compact: "US123456789" }],
  ] as const)("%s (hint %s)", (input, hint, expected) => {
    expect(normalizeVatNumber(input, hint)).toEqual(expected);
  });
});
