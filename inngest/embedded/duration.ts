/**
 * Time strings as the SDK sends them (helpers/strings.js timeStr: "1w2d3h4m5s", "" for 0) and
 * the ms-style strings users write in configs ("10s", "1 hour"), to milliseconds.
 */
const UNIT_MS: Record<string, number> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1_000, sec: 1_000, secs: 1_000, second: 1_000, seconds: 1_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

export function parseDuration(input: string | number): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? input : undefined;
  const s = input.trim().toLowerCase();
  if (s === "") return 0;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s); // a bare number is milliseconds, like ms()
  const re = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const unit = UNIT_MS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    consumed = re.lastIndex;
  }
  return consumed === s.length && consumed > 0 ? total : undefined;
}

/**
 * When a Sleep op ends: its `name` is a time string (step.sleep) or an ISO date
 * (step.sleepUntil). Older SDKs put the duration in opts.duration instead.
 */
export function sleepUntil(name: string | undefined, opts: Record<string, unknown> | undefined, now: number): number | undefined {
  const candidates = [name, typeof opts?.duration === "string" ? opts.duration : undefined];
  for (const c of candidates) {
    if (!c) continue;
    const ms = parseDuration(c);
    if (ms !== undefined) return now + ms;
    const date = Date.parse(c);
    if (!Number.isNaN(date)) return date;
  }
  return undefined;
}
