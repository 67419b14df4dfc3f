// FUNCTIONS.md §4: parseDate, formatDate and dateDifference (alias dateDiff). Every date function reads the run
// timezone (and parseDate `now`), so none is pure: the optimizer must not fold them at compile time.
import { wholeMonths } from '../calendar.js';
import type { CallContext } from '../context.js';
import { dateOrUndefined, describe, isAbsent, text } from '../convert.js';
import { formatInstant } from '../date-format.js';
import { parseWithFormat } from '../date-parse.js';
import { typeError } from '../errors.js';
import { offsetAt, runZone, zoneOr } from '../zone.js';
import { type Builtin, strict } from './registry.js';

const DEFAULT_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSSZ';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** noFormat returns whether a format argument is missing (undefined, null or ""). */
function noFormat(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** parseDate returns a Date: a Date as is, the **date** conversion without a format, else the text read with the format. */
function parseDate(ctx: CallContext, value: unknown, format: unknown, timezone: unknown): Date | undefined {
  const zone = zoneOr(timezone, runZone(ctx.timezone));
  if (value instanceof Date || noFormat(format)) return dateOrUndefined(value, 'parseDate', zone);
  if (isAbsent(value)) return undefined;
  return new Date(parseWithFormat(text(value), text(format), zone, ctx.now));
}

/** formatDate returns a date as text in a format (default ISO with offset) and a zone (default the run timezone). */
function formatDate(ctx: CallContext, value: unknown, format: unknown, timezone: unknown): string | undefined {
  const run = runZone(ctx.timezone);
  const d = dateOrUndefined(value, 'formatDate', run);
  if (d === undefined) return undefined;
  const f = noFormat(format) ? DEFAULT_FORMAT : text(format);
  return formatInstant(d.getTime(), f, zoneOr(timezone, run), ctx.limits);
}

/** DiffUnit represents a dateDifference unit after its aliases are resolved. */
type DiffUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'y' | 'RH' | 'Rm' | 'Rs';

const SHORT_UNITS: Readonly<Record<string, DiffUnit>> = {
  ms: 'ms',
  s: 's',
  m: 'm',
  h: 'h',
  H: 'h',
  d: 'd',
  D: 'd',
  w: 'w',
  W: 'w',
  M: 'M',
  y: 'y',
  Y: 'y',
  RH: 'RH',
  Rm: 'Rm',
  Rs: 'Rs',
};

const LONG_UNITS: Readonly<Record<string, DiffUnit>> = {
  millisecond: 'ms',
  second: 's',
  minute: 'm',
  hour: 'h',
  day: 'd',
  week: 'w',
  month: 'M',
  year: 'y',
};

/** diffUnit returns the unit of a dateDifference: short codes are case-sensitive, long names ignore case and plural. */
function diffUnit(v: unknown): DiffUnit {
  if (v === undefined || v === null || v === '') return 'ms';
  const s = text(v);
  if (Object.hasOwn(SHORT_UNITS, s)) return SHORT_UNITS[s] as DiffUnit;
  const long = s.toLowerCase().replace(/s$/, '');
  if (Object.hasOwn(LONG_UNITS, long)) return LONG_UNITS[long] as DiffUnit;
  throw typeError(`dateDifference() does not know the unit ${describe(v)}`);
}

/** signedRemainder returns trunc(|x| / unit) % modulus with the sign of x. */
function signedRemainder(x: number, unit: number, modulus: number): number {
  const r = Math.trunc(Math.abs(x) / unit) % modulus;
  return x < 0 ? -r : r;
}

/** dateDifference returns `date1 − date2` in a unit, a whole number truncated toward zero (FUNCTIONS.md §4.3). */
function dateDifference(ctx: CallContext, date1: unknown, date2: unknown, unitArg: unknown): number | undefined {
  const zone = runZone(ctx.timezone);
  const a = dateOrUndefined(date1, 'dateDifference', zone);
  const b = dateOrUndefined(date2, 'dateDifference', zone);
  if (a === undefined || b === undefined) return undefined;
  const unit = diffUnit(unitArg);
  const ta = a.getTime();
  const tb = b.getTime();
  const diff = ta - tb;
  // Wall-clock difference: a 23-hour DST day still counts as one day.
  const wall = diff + offsetAt(zone, ta) - offsetAt(zone, tb);
  let out: number;
  switch (unit) {
    case 'ms':
      out = diff;
      break;
    case 's':
      out = Math.trunc(diff / SECOND);
      break;
    case 'm':
      out = Math.trunc(diff / MINUTE);
      break;
    case 'h':
      out = Math.trunc(diff / HOUR);
      break;
    case 'd':
      out = Math.trunc(wall / DAY);
      break;
    case 'w':
      out = Math.trunc(wall / (7 * DAY));
      break;
    case 'M':
    case 'y': {
      const step = unit === 'M' ? 1 : 12;
      out = diff >= 0 ? wholeMonths(ta, tb, step, zone) : -wholeMonths(tb, ta, step, zone);
      break;
    }
    case 'RH':
      out = signedRemainder(wall, HOUR, 24);
      break;
    case 'Rm':
      out = signedRemainder(wall, MINUTE, 60);
      break;
    case 'Rs':
      out = signedRemainder(wall, SECOND, 60);
      break;
  }
  return out === 0 ? 0 : out;
}

/** dateBuiltins represents parseDate, formatDate, dateDifference and its alias dateDiff (FUNCTIONS.md §4). */
export const dateBuiltins: Builtin[] = [
  strict('parseDate', 1, 3, parseDate, { pure: false }),
  strict('formatDate', 1, 3, formatDate, { pure: false }),
  strict('dateDifference', 2, 3, dateDifference, { pure: false }),
  strict('dateDiff', 2, 3, dateDifference, { pure: false }),
];
