// FUNCTIONS.md §4: addSeconds … addYears and the set* functions. Exact durations for seconds, minutes and hours;
// calendar arithmetic on the wall clock of the run timezone for days, months, years and every setter.
import { addDaysAt, addMonthsAt, setMonthOf, setWall, setYearOf, type WallChange } from '../calendar.js';
import type { CallContext } from '../context.js';
import { dateOrUndefined, describe, int, num } from '../convert.js';
import { type Fields, fieldsOf, MONTHS, nameIndex, WEEKDAYS } from '../date-fields.js';
import { decMul } from '../decimal.js';
import { typeError } from '../errors.js';
import { runZone } from '../zone.js';
import { type Builtin, strict } from './registry.js';

const MAX_TIME = 8.64e15;

/** resultDate returns a Date for an instant, or `runtime/type` when it falls outside the range of JS dates. */
function resultDate(t: number, fn: string): Date {
  if (!Number.isFinite(t) || Math.abs(t) > MAX_TIME) throw typeError(`${fn}() gives a date out of range`);
  return new Date(t);
}

/** count returns the finite count argument of an add* function (absent or non-numeric is `runtime/type`). */
function count(v: unknown, fn: string): number {
  const n = num(v, fn, 'a number to add');
  if (!Number.isFinite(n)) throw typeError(`${fn}() expects a finite number to add, got ${describe(v)}`);
  return n;
}

/** roundHalfAway returns n rounded to an integer, exactly half away from zero. */
function roundHalfAway(n: number): number {
  const r = Math.round(Math.abs(n));
  return n < 0 ? -r : r;
}

/** exactAdd returns an add* function of an exact duration (n units, fractions rounded to whole milliseconds). */
function exactAdd(fn: string, unitMs: number): Builtin {
  return strict(
    fn,
    2,
    2,
    (ctx: CallContext, date: unknown, n: unknown) => {
      const d = dateOrUndefined(date, fn, runZone(ctx.timezone));
      if (d === undefined) return undefined;
      // Decimal-exact scaling, so that 1.0005 seconds is 1001 ms and not 1000.4999….
      return resultDate(d.getTime() + roundHalfAway(decMul(count(n, fn), unitMs)), fn);
    },
    { pure: false },
  );
}

/** calendarAdd returns an add* function of whole calendar days or months (n rounded half away from zero). */
function calendarAdd(fn: string, move: (t: number, n: number, zone: string) => number): Builtin {
  return strict(
    fn,
    2,
    2,
    (ctx: CallContext, date: unknown, n: unknown) => {
      const zone = runZone(ctx.timezone);
      const d = dateOrUndefined(date, fn, zone);
      if (d === undefined) return undefined;
      return resultDate(move(d.getTime(), roundHalfAway(count(n, fn)), zone), fn);
    },
    { pure: false },
  );
}

/** setter returns a set* function: the date's wall fields in the run timezone, changed by `change`. */
function setter(fn: string, change: (f: Fields, v: unknown, zone: string) => number): Builtin {
  return strict(
    fn,
    2,
    2,
    (ctx: CallContext, date: unknown, v: unknown) => {
      const zone = runZone(ctx.timezone);
      const d = dateOrUndefined(date, fn, zone);
      if (d === undefined) return undefined;
      return resultDate(change(fieldsOf(d.getTime(), zone), v, zone), fn);
    },
    { pure: false },
  );
}

/** fieldSetter returns a set* function for one wall field (day and time fields roll over). */
function fieldSetter(fn: string, field: keyof WallChange): Builtin {
  return setter(fn, (f, v, zone) => setWall(f, { [field]: int(v, fn) }, zone));
}

/** nameOrInt returns the 1-based value of an English name (or 3-letter abbreviation), else the **int** of the value. */
function nameOrInt(v: unknown, names: readonly string[], fn: string, what: string): number {
  if (typeof v === 'string') {
    const i = nameIndex(names, v.trim());
    if (i !== -1) return i + 1;
  }
  return int(v, fn, what);
}

/** dateCalendarBuiltins represents the add* and set* functions of FUNCTIONS.md §4. */
export const dateCalendarBuiltins: Builtin[] = [
  exactAdd('addSeconds', 1000),
  exactAdd('addMinutes', 60_000),
  exactAdd('addHours', 3_600_000),
  calendarAdd('addDays', addDaysAt),
  calendarAdd('addMonths', addMonthsAt),
  calendarAdd('addYears', (t, n, zone) => addMonthsAt(t, n * 12, zone)),
  fieldSetter('setSecond', 'second'),
  fieldSetter('setMinute', 'minute'),
  fieldSetter('setHour', 'hour'),
  fieldSetter('setDate', 'day'),
  setter('setDay', (f, v, zone) => {
    const day = nameOrInt(v, WEEKDAYS, 'setDay', 'a weekday (1-7 or an English name)');
    return setWall(f, { day: f.day - f.weekday + day - 1 }, zone);
  }),
  setter('setMonth', (f, v, zone) =>
    setMonthOf(f, nameOrInt(v, MONTHS, 'setMonth', 'a month (1-12 or an English name)') - 1, zone),
  ),
  setter('setYear', (f, v, zone) => setYearOf(f, int(v, 'setYear', 'an integer year'), zone)),
];
