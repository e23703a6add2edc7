/**
 * Client-side throttle for CCV's per-minute limits (150 reads, 100 writes; webshop-apis.md §2.2).
 * Process-wide per key (shop + API key + read/write), because a client is created per step while
 * the limit belongs to the shop's API key. Staying under it beats collecting 429s.
 */
const WINDOW_MS = 60_000;
const windows = new Map<string, number[]>();

export const CCV_LIMITS = { read: 150, write: 100 } as const;

export async function throttle(key: string, limit: number, now: () => number = Date.now, sleep = defaultSleep): Promise<void> {
  for (;;) {
    const stamps = (windows.get(key) ?? []).filter((t) => t > now() - WINDOW_MS);
    if (stamps.length < limit) {
      stamps.push(now());
      windows.set(key, stamps);
      return;
    }
    windows.set(key, stamps);
    await sleep(stamps[0]! + WINDOW_MS - now() + 1);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Tests only: forget every window. */
export const resetThrottle = () => windows.clear();
