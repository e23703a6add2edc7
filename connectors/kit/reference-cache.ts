import { createHash } from "node:crypto";

/**
 * Reference data of a target (VAT codes, ledger accounts, a relation's id) kept in memory for a
 * few minutes, per target and credentials, so booking a document costs the create and the
 * duplicate guard instead of re-reading the same lists every time.
 *
 * A stale entry must never book wrong or hide a problem the merchant can fix: `withFresh` runs the
 * work on the cached value and, when it is refused in a way a stale value could explain (a VAT
 * code or ledger account unknown, a relation gone), drops the entry and runs it once more on
 * freshly read data, which then gives today's clear error, or books.
 */
export const REFERENCE_TTL_MS = 5 * 60_000;

type Entry = { value: Promise<unknown>; at: number };

export class ReferenceCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = REFERENCE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or `load()` (shared by concurrent callers; a failed load is not kept). */
  async get<T>(key: string, load: () => Promise<T>): Promise<{ value: T; fresh: boolean }> {
    const known = this.entries.get(key);
    if (known && known.at + this.ttlMs > this.now()) return { value: (await known.value) as T, fresh: false };
    const entry: Entry = { value: load(), at: this.now() };
    this.entries.set(key, entry);
    try {
      return { value: (await entry.value) as T, fresh: true };
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw err;
    }
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  /**
   * `use(value)` on the cached value; if that throws an error `couldBeStale` accepts and the value
   * was not just read, the entry is dropped and `use` runs once more on a fresh value.
   */
  async withFresh<T, R>(key: string, load: () => Promise<T>, use: (value: T) => Promise<R>, couldBeStale: (err: unknown) => boolean): Promise<R> {
    const first = await this.get(key, load);
    try {
      return await use(first.value);
    } catch (err) {
      if (first.fresh || !couldBeStale(err)) throw err;
      this.drop(key);
      const again = await this.get(key, load);
      return use(again.value);
    }
  }

  /** Tests only. */
  clear(): void {
    this.entries.clear();
  }
}

/** A key part for credentials: never the secret itself, even in memory. */
export const credentialKey = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24);

/** The process-wide cache the targets share (keys start with the system's id). */
export const referenceCache = new ReferenceCache();
