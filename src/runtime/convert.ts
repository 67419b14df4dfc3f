// The argument conversions of FUNCTIONS.md §0.2 (text, num, int, positions, date, array, bytes). `path` is in
// path.ts. Each conversion that can fail raises `runtime/type` naming the function, so messages say what was wrong.
import { limitError, typeError } from './errors.js';
import { render } from './render.js';
import { fromWall, utcMs } from './zone.js';

/** DECIMAL_LITERAL represents the decimal literal of the **num** conversion: sign, digits or fraction, exponent. */
export const DECIMAL_LITERAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MAX_TIME = 8.64e15;

/** describe returns a short, safe description of a value for error messages. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `text "${v.slice(0, 37)}..."` : `text "${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date) return 'a date';
  if (v instanceof Uint8Array) return 'a binary buffer';
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** isAbsent returns whether a number or date argument is absent: undefined, null, or blank text (§0.1). */
export function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** text returns the **text** conversion (SEMANTICS §5); a rendering past the engine's string size is `runtime/limit`. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return render(v);
  } catch (e) {
    // V8 refuses strings past ~2^29 units with a RangeError; that is a size limit, not an engine crash.
    if (e instanceof RangeError) throw limitError('Text is too long to build (limits.maxStringLength)');
    throw e;
  }
}

/** numOrUndefined returns the **num** conversion of a value, or undefined when it is absent. */
export function numOrUndefined(v: unknown, fn: string, what = 'a number'): number | undefined {
  if (typeof v === 'number') return v;
  if (isAbsent(v)) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    if (DECIMAL_LITERAL.test(t)) return Number(t);
  }
  throw typeError(`${fn}() expects ${what}, got ${describe(v)}`);
}

/** num returns the **num** conversion of a value that must be present. */
export function num(v: unknown, fn: string, what = 'a number'): number {
  const n = numOrUndefined(v, fn, what);
  if (n === undefined) throw typeError(`${fn}() expects ${what}, got ${describe(v)}`);
  return n;
}

/** numericValue returns the number a value counts as in the aggregates (a number or decimal text, not NaN), or undefined. */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (DECIMAL_LITERAL.test(t)) return Number(t);
  }
  return undefined;
}

/** int returns the **int** conversion of a value that must be present: num, then it must be an integer. */
export function int(v: unknown, fn: string, what = 'an integer'): number {
  const n = num(v, fn, what);
  if (!Number.isInteger(n)) throw typeError(`${fn}() expects ${what}, got ${describe(v)}`);
  return n;
}

/** position returns a string/array position: num truncated toward zero as in JS, or `fallback` when absent. */
export function position(v: unknown, fn: string, fallback: number): number {
  const n = numOrUndefined(v, fn, 'a numeric position');
  if (n === undefined) return fallback;
  return Number.isNaN(n) ? 0 : Math.trunc(n);
}

/** array returns the **array** conversion: an array as is, undefined/null as [], anything else as [value]. */
export function array(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** bytes returns the **bytes** conversion: a buffer's bytes, else the UTF-8 bytes of the value's text. */
export function bytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  return Buffer.from(text(v), 'utf8');
}

function validDate(t: number, fn: string, v: unknown): Date {
  if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME) throw typeError(`${fn}() expects a date, got ${describe(v)}`);
  return new Date(t);
}

function offsetMs(z: string): number {
  if (z === 'Z' || z === 'z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (h > 23 || m > 59) return Number.NaN;
  return sign * (h * 60 + m) * 60_000;
}

/**
 * isoTime returns the instant of ISO 8601 text (§0.2 **date**): `YYYY-MM-DD`, then optionally `T`/space and
 * `HH:mm[:ss[.f]]` and an offset; without an offset the wall time is read in `zone`. NaN when it is no such text
 * or names an impossible calendar value.
 */
export function isoTime(s: string, zone: string): number {
  const m = ISO_DATE.exec(s);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1) || h > 23 || mi > 59 || sec > 59) return Number.NaN;
  const ms = m[7] ? Number(`${m[7]}00`.slice(0, 3)) : 0;
  const wall = utcMs(y, mo - 1, d, h, mi, sec, ms);
  const z = m[8];
  return z === undefined ? fromWall(zone, wall) : wall - offsetMs(z);
}

/** daysInMonth returns the number of days of a month (0-based) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const y = year + Math.floor(month / 12);
  const mo = ((month % 12) + 12) % 12;
  if (mo === 1) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 3 || mo === 5 || mo === 8 || mo === 10 ? 30 : 31;
}

/**
 * dateOrUndefined returns the **date** conversion (§0.2), or undefined when the value is absent: a valid Date as
 * is, a finite number as epoch milliseconds, ISO 8601 text (wall times read in `zone`). Anything else is
 * `runtime/type`.
 */
export function dateOrUndefined(v: unknown, fn: string, zone: string): Date | undefined {
  if (v instanceof Date) return validDate(v.getTime(), fn, v);
  if (typeof v === 'number') return validDate(v, fn, v);
  if (isAbsent(v)) return undefined;
  if (typeof v === 'string') return validDate(isoTime(v.trim(), zone), fn, v);
  throw typeError(`${fn}() expects a date, got ${describe(v)}`);
}
