import { describe, expect, it } from "vitest";
import { ReferenceCache } from "./reference-cache";

const refused = (code: string) => Object.assign(new Error(code), { code });
const staleCodes = (err: unknown) => (err as { code?: string }).code === "vat_code_unknown";

function setup() {
  let now = 0;
  const cache = new ReferenceCache(60_000, () => now);
  let loads = 0;
  let list = ["V21"];
  const load = async () => { loads++; return [...list]; };
  return {
    cache, load,
    loads: () => loads,
    setList: (next: string[]) => { list = next; },
    advance: (ms: number) => { now += ms; },
  };
}

describe("ReferenceCache", () => {
  it("reads once within the TTL, again after it", async () => {
    const s = setup();
    expect(await s.cache.get("k", s.load)).toEqual({ value: ["V21"], fresh: true });
    s.advance(59_999);
    expect(await s.cache.get("k", s.load)).toEqual({ value: ["V21"], fresh: false });
    expect(s.loads()).toBe(1);
    s.advance(1);
    expect((await s.cache.get("k", s.load)).fresh).toBe(true);
    expect(s.loads()).toBe(2);
  });

  it("shares one read between concurrent callers and keeps no failed read", async () => {
    const s = setup();
    await Promise.all([s.cache.get("k", s.load), s.cache.get("k", s.load)]);
    expect(s.loads()).toBe(1);
    await expect(s.cache.get("other", async () => { throw new Error("down"); })).rejects.toThrow("down");
    expect(await s.cache.get("other", s.load)).toMatchObject({ fresh: true });
  });

  it("on a refusal a stale value could explain, reads again once and runs on the fresh value", async () => {
    const s = setup();
    await s.cache.get("k", s.load); // cached: V21 only
    s.setList(["V21", "V9"]); // the merchant adds the code the grid asks for
    const check = async (codes: string[]) => {
      if (!codes.includes("V9")) throw refused("vat_code_unknown");
      return "booked";
    };
    expect(await s.cache.withFresh("k", s.load, check, staleCodes)).toBe("booked");
    expect(s.loads()).toBe(2);
    expect(await s.cache.withFresh("k", s.load, check, staleCodes)).toBe("booked"); // the fresh list is kept
    expect(s.loads()).toBe(2);
  });

  it("gives the clear error when fresh data refuses too, and never reads again for other errors or a fresh value", async () => {
    const s = setup();
    const check = async () => { throw refused("vat_code_unknown"); };
    await expect(s.cache.withFresh("k", s.load, check, staleCodes)).rejects.toThrow("vat_code_unknown");
    expect(s.loads()).toBe(1); // just read: nothing stale to blame
    await expect(s.cache.withFresh("k", s.load, check, staleCodes)).rejects.toThrow("vat_code_unknown");
    expect(s.loads()).toBe(2); // cached → dropped → read once more, still refused
    await expect(s.cache.withFresh("k", s.load, async () => { throw refused("timeout"); }, staleCodes)).rejects.toThrow("timeout");
    expect(s.loads()).toBe(2);
  });
});
