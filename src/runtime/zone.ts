// Time zones through the platform's ICU (Intl.DateTimeFormat): the IANA database that ships with every Node
// release. Dates are UTC instants; "wall" values are the zone's local clock fields stored as if they were UTC
// milliseconds, so the UTC getters of a Date read them.

const DAY = 86_400_000;
const MAX_CACHED_ZONES = 512;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const WALL_TEXT = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  // Zone names can come from data: cap the cache so that hostile input cannot grow it without bound.
  if (formatters.size < MAX_CACHED_ZONES) formatters.set(zone, f);
  return f;
}

/** isUtcZone returns whether a zone name is one of the spellings of UTC that need no ICU lookup. */
function isUtcZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Etc/GMT';
}

/** isValidZone returns whether a name is a time zone the platform knows (IANA names, any case). */
export function isValidZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  return isUtcZone(zone) || formatterFor(zone) !== null;
}

/** zoneOr returns `zone` when it is a valid time zone name, else `fallback` (FUNCTIONS.md §4: unknown names are ignored). */
export function zoneOr(zone: unknown, fallback: string): string {
  return isValidZone(zone) ? zone : fallback;
}

/** runZone returns the run timezone, or UTC when the run option names no known zone. */
export function runZone(timezone: string): string {
  return isValidZone(timezone) ? timezone : 'UTC';
}

/** utcMs returns the UTC milliseconds of calendar fields (month 0-based), valid for every year, including 0–99. */
export function utcMs(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (year >= 100 || year < 0) return Date.UTC(year, month, day, h, mi, s, ms);
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

function wallSeconds(f: Intl.DateTimeFormat, t: number): number {
  const m = WALL_TEXT.exec(f.format(t));
  if (m) {
    const y = Number(m[3]);
    return utcMs(m[4] === 'BC' ? 1 - y : y, Number(m[1]) - 1, Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  // A platform whose ICU prints another shape: read the parts instead.
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(t)) p[part.type] = part.value;
  const y = Number(p.year);
  return utcMs(
    p.era === 'BC' ? 1 - y : y,
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour) % 24,
    Number(p.minute),
    Number(p.second),
  );
}

/** offsetAt returns the UTC offset of a zone at an instant, in milliseconds (east of UTC is positive). */
export function offsetAt(zone: string, t: number): number {
  if (isUtcZone(zone)) return 0;
  const f = formatterFor(zone);
  if (f === null || !Number.isFinite(t)) return 0;
  const whole = t - (((t % 1000) + 1000) % 1000);
  return wallSeconds(f, whole) - whole;
}

/** toWall returns the wall-clock value of an instant in a zone (read it with the UTC getters of a Date). */
export function toWall(zone: string, t: number): number {
  return t + offsetAt(zone, t);
}

/**
 * fromWall returns the instant of a wall-clock value in a zone (FUNCTIONS.md §4): a wall time in a DST gap moves
 * forward by the length of the gap; an ambiguous one (DST overlap) takes the earlier instant. The offsets one day
 * before and after bracket any single transition, as in Temporal's GetPossibleInstantsFor.
 */
export function fromWall(zone: string, wall: number): number {
  if (isUtcZone(zone) || !Number.isFinite(wall)) return wall;
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyOk = offsetAt(zone, early) === before;
  const lateOk = offsetAt(zone, late) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // In a gap neither offset reads back; the offset before the gap lands the gap's length past the wall time.
  return early;
}
