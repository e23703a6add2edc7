/**
 * Five-field cron ("m h dom mon dow") with an optional `TZ=Area/City ` (or `CRON_TZ=`) prefix,
 * evaluated in that zone's wall-clock time via Intl, so "0 3 * * *" in Europe/Amsterdam fires at
 * 03:00 local on both sides of a DST change. Wall times that do not exist (spring forward) are
 * skipped; wall times that happen twice (fall back) fire once, at the first occurrence.
 * Lists, ranges, steps, month/day names, 7 = Sunday and the @hourly-style macros are supported.
 * Day-of-month and day-of-week combine like Vixie cron: either matches when both are restricted.
 */
export type Cron = {
  source: string;
  tz: string;
  minutes: boolean[];
  hours: boolean[];
  doms: boolean[];
  months: boolean[];
  dows: boolean[];
  domStar: boolean;
  dowStar: boolean;
};

export class CronError extends Error {}

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export function parseCron(source: string): Cron {
  let rest = source.trim();
  let tz = "UTC";
  const tzMatch = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(rest);
  if (tzMatch) {
    tz = tzMatch[1]!;
    rest = tzMatch[2]!.trim();
  }
  try {
    formatter(tz);
  } catch {
    throw new CronError(`Unknown time zone "${tz}" in cron "${source}"`);
  }
  rest = MACROS[rest.toLowerCase()] ?? rest;
  const fields = rest.split(/\s+/);
  if (fields.length !== 5) throw new CronError(`Cron "${source}" must have 5 fields (minute hour day month weekday)`);
  const [mi, h, dom, mon, dow] = fields as [string, string, string, string, string];
  const dows = parseField(dow, 0, 7, DAYS, source);
  if (dows[7]) dows[0] = true; // 7 is Sunday too
  return {
    source,
    tz,
    minutes: parseField(mi, 0, 59, null, source),
    hours: parseField(h, 0, 23, null, source),
    doms: parseField(dom, 1, 31, null, source),
    months: parseField(mon, 1, 12, MONTHS, source),
    dows: dows.slice(0, 7),
    domStar: dom === "*" || dom === "?",
    dowStar: dow === "*" || dow === "?",
  };
}

function parseField(field: string, min: number, max: number, names: string[] | null, source: string): boolean[] {
  const set = new Array<boolean>(max + 1).fill(false);
  const value = (s: string): number => {
    const named = names?.indexOf(s.toLowerCase()) ?? -1;
    const n = named >= 0 ? named + (names === MONTHS ? 1 : 0) : /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new CronError(`Bad value "${s}" in cron "${source}"`);
    return n;
  };
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`Bad step "${part}" in cron "${source}"`);
    let lo: number, hi: number;
    if (range === "*" || range === "?") [lo, hi] = [min, max];
    else if (range.includes("-")) {
      const [a, b] = range.split("-") as [string, string];
      [lo, hi] = [value(a), value(b)];
      if (lo > hi) throw new CronError(`Bad range "${range}" in cron "${source}"`);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let i = lo; i <= hi; i += step) set[i] = true;
  }
  return set;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
    });
    formatters.set(tz, f);
  }
  return f;
}

type Wall = { y: number; mo: number; d: number; h: number; mi: number };

function wallAt(tz: string, t: number): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(t)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute! };
}

const wallMs = (w: Wall) => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);

/** The instants whose wall time in tz is w: none in a DST gap, two in an overlap, else one. */
function instantsOf(tz: string, w: Wall): number[] {
  const guess = wallMs(w);
  const out = new Set<number>();
  for (const probe of [guess - 86_400_000, guess + 86_400_000]) {
    const offset = wallMs(wallAt(tz, probe)) - Math.floor(probe / 60_000) * 60_000;
    const t = guess - offset;
    if (wallMs(wallAt(tz, t)) === guess) out.add(t);
  }
  return [...out].sort((a, b) => a - b);
}

const offsetAt = (tz: string, t: number) => wallMs(wallAt(tz, t)) - Math.floor(t / 60_000) * 60_000;

/**
 * The first fire time strictly after `after` (ms since epoch). Jobs with a fixed hour fire once
 * for a repeated wall time (like Vixie cron); jobs with an hour wildcard keep real-time spacing
 * and fire in both occurrences of the repeated hour.
 */
export function nextCronTime(cron: Cron, after: number): number {
  const start = Math.floor(after / 60_000) * 60_000 + 60_000;
  const first = wallAt(cron.tz, start);
  const everyHour = cron.hours.every(Boolean);
  let day = Date.UTC(first.y, first.mo - 1, first.d);
  for (let i = 0; i < 366 * 8; i++, day += 86_400_000) {
    const date = new Date(day);
    const y = date.getUTCFullYear(), mo = date.getUTCMonth() + 1, d = date.getUTCDate();
    if (!cron.months[mo]) continue;
    const domOk = cron.doms[d]!, dowOk = cron.dows[date.getUTCDay()]!;
    if (cron.domStar || cron.dowStar ? !(domOk && dowOk) : !(domOk || dowOk)) continue;
    // On a day without an offset change wall order is time order: the first match wins.
    // On the two DST days a day's matches are compared, as wall order and time order differ.
    const dstDay = offsetAt(cron.tz, day - 43_200_000) !== offsetAt(cron.tz, day + 129_600_000);
    let best: number | undefined;
    for (let h = 0; h < 24; h++) {
      if (!cron.hours[h]) continue;
      for (let mi = 0; mi < 60; mi++) {
        if (!cron.minutes[mi]) continue;
        const wall = { y, mo, d, h, mi };
        if (i === 0 && !dstDay && wallMs(wall) < wallMs(first)) continue;
        const instants = instantsOf(cron.tz, wall);
        const candidates = everyHour ? instants : instants.slice(0, 1);
        const hit = candidates.find((t) => t >= start);
        if (hit === undefined) continue;
        if (!dstDay) return hit;
        best = best === undefined ? hit : Math.min(best, hit);
      }
    }
    if (best !== undefined) return best;
  }
  throw new CronError(`Cron "${cron.source}" never fires`);
}
