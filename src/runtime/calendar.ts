// Calendar arithmetic in a time zone (FUNCTIONS.md §4): read the wall-clock fields, change them, and map the new
// wall time back to an instant (a DST gap moves forward, an overlap takes the earlier instant; see zone.ts).
import { daysInMonth } from './convert.js';
import { type Fields, fieldsOf } from './date-fields.js';
import { fromWall, utcMs } from './zone.js';

/** WallChange represents new values for some wall-clock fields; day and time fields may roll over. */
export interface WallChange {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** setWall returns the instant whose wall-clock fields in a zone are those of `f` changed by `change`. */
export function setWall(f: Fields, change: WallChange, zone: string): number {
  const wall = utcMs(
    change.year ?? f.year,
    change.month ?? f.month,
    change.day ?? f.day,
    change.hour ?? f.hour,
    change.minute ?? f.minute,
    change.second ?? f.second,
    f.ms,
  );
  return fromWall(zone, wall);
}

/** addMonthsAt returns an instant moved by whole months in a zone, the day clamped to the target month's length. */
export function addMonthsAt(t: number, months: number, zone: string): number {
  if (months === 0) return t;
  const f = fieldsOf(t, zone);
  return setMonthOf(f, f.month + months, zone);
}

/** setMonthOf returns the instant with the month (0-based, rolling into other years) set and the day clamped. */
export function setMonthOf(f: Fields, month: number, zone: string): number {
  const year = f.year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return setWall(f, { year, month: m, day: Math.min(f.day, daysInMonth(year, m)) }, zone);
}

/** setYearOf returns the instant with the year set; 29 February becomes 28 February in a common year. */
export function setYearOf(f: Fields, year: number, zone: string): number {
  return setWall(f, { year, day: Math.min(f.day, daysInMonth(year, f.month)) }, zone);
}

/** addDaysAt returns an instant moved by whole calendar days in a zone, keeping the wall time across DST. */
export function addDaysAt(t: number, days: number, zone: string): number {
  if (days === 0) return t;
  const f = fieldsOf(t, zone);
  return setWall(f, { day: f.day + days }, zone);
}

/**
 * wholeMonths returns the largest k ≥ 0 with addMonths(early, k × step) not after `late` (step 12 counts years),
 * starting from the difference of the wall fields and correcting by single steps.
 */
export function wholeMonths(late: number, early: number, step: number, zone: string): number {
  const a = fieldsOf(late, zone);
  const b = fieldsOf(early, zone);
  let k = Math.trunc(((a.year - b.year) * 12 + a.month - b.month) / step);
  while (k > 0 && addMonthsAt(early, k * step, zone) > late) k--;
  while (addMonthsAt(early, (k + 1) * step, zone) <= late) k++;
  return Math.max(k, 0);
}
