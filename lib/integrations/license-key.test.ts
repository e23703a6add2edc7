import { describe, expect, it } from "vitest";
import { bookingReferenceKey, generateLicenseKey, LICENSE_KEY_BITS, LICENSE_KEY_LENGTH, LICENSE_KEY_PATTERN, withUniqueLicenseKey } from "./license-key";

describe("license keys", () => {
  it("are BK- and six groups of five Crockford base32 characters: 150 random bits, at least 128", () => {
    const key = generateLicenseKey();
    expect(key).toMatch(/^BK(-[0-9A-HJKMNP-TV-Z]{5}){6}$/);
    expect(key).toMatch(LICENSE_KEY_PATTERN);
    expect(key).toHaveLength(LICENSE_KEY_LENGTH);
    expect(LICENSE_KEY_BITS).toBe(150);
    expect(LICENSE_KEY_BITS).toBeGreaterThanOrEqual(128);
    // Booking references keep room for at most 27 characters of it.
    expect(bookingReferenceKey(key)).toBe(key.slice(0, 26));
    expect(bookingReferenceKey("BK-01234-56789-ABCDE-FGHJK")).toBe("BK-01234-56789-ABCDE-FGHJK");
    expect(bookingReferenceKey("DEMO-PRESTASHOP-EBOEKHOUDEN")).toBe("DEMO-PRESTASHOP-EBOEKHOUDEN");
    // Upper case, no look-alikes: the key stays the same when typed over or lower-cased for a sandbox tenant.
    expect(key).not.toMatch(/[ILOU]/);
  });

  it("take every character of the alphabet from the random bytes, none more often", () => {
    const all = generateLicenseKey(() => Buffer.from(Array.from({ length: 30 }, (_, i) => (i % 32) + 32 * (i % 3))));
    expect(all).toBe("BK-01234-56789-ABCDE-FGHJK-MNPQR-STVWX");
    expect(generateLicenseKey(() => Buffer.alloc(30, 255))).toBe("BK-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ");
  });

  it("do not repeat over many draws", () => {
    const keys = new Set(Array.from({ length: 20_000 }, () => generateLicenseKey()));
    expect(keys.size).toBe(20_000);
  });

  it("are drawn again on a unique-constraint collision, up to a limit; other errors pass through", async () => {
    const collision = Object.assign(new Error("duplicate"), { code: "P2002" });
    let calls = 0;
    await expect(withUniqueLicenseKey(async (key) => { calls++; if (calls < 3) throw collision; return key; }, () => `K${calls}`)).resolves.toBe("K2");
    await expect(withUniqueLicenseKey(async () => { throw collision; }, () => "K", 4)).rejects.toBe(collision);
    const other = new Error("database down");
    calls = 0;
    await expect(withUniqueLicenseKey(async () => { calls++; throw other; })).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
