// Calendar fields of an instant in a zone, English names, ordinals and moment.js week numbering, shared by the
// date format, parse and calendar functions.
import { daysInMonth } from './convert.js';
import { typeError } from './errors.js';
import { offsetAt, utcMs } from './zone.js';

/** Fields represents the wall-clock calendar fields of an instant in a zone (month 0-based, weekday 0 = Sunday). */
export interface Fields {
  readonly t: number;
  readonly offset: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
  readonly weekday: number;
}

/** MONTHS represents the English month names. */
export const MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** WEEKDAYS represents the English weekday names, Sunday first. */
export const WEEKDAYS: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** fieldsOf returns the calendar fields of an instant in a zone. */
export function fieldsOf(t: number, zone: string): Fields {
  const offset = offsetAt(zone, t);
  const d = new Date(t + offset);
  // At the ends of the JS date range the wall clock of a zone can fall outside it.
  if (Number.isNaN(d.getTime())) throw typeError(`The date ${t} is out of range in the time zone ${zone}`);
  return {
    t,
    offset,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** nameIndex returns the index of an English name or its 3-letter abbreviation (any case), or -1. */
export function nameIndex(names: readonly string[], s: string): number {
  const lower = s.toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === lower || n.slice(0, 3).toLowerCase() === lower);
}

/** ordinal returns a number with its English ordinal suffix, as moment's English locale writes it (1st, 12th, 0th). */
export function ordinal(n: number): string {
  const b = n % 10;
  const suffix = Math.trunc((n % 100) / 10) === 1 ? 'th' : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** zeroFill returns |n| padded with zeros to a width, with a leading "-" for negatives (moment's zeroFill). */
export function zeroFill(n: number, width: number): string {
  const digits = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${digits}` : digits;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** dayOfYear returns the 1-based day of the year of calendar fields. */
export function dayOfYear(f: Fields): number {
  let n = f.day;
  for (let m = 0; m < f.month; m++) n += daysInMonth(f.year, m);
  return n;
}

/** firstWeekOffset returns moment's offset of week 1 from 1 January for a week start (dow) and anchor day (doy). */
function firstWeekOffset(year: number, dow: number, doy: number): number {
  const fwd = 7 + dow - doy;
  const fwdWeekday = (7 + new Date(utcMs(year, 0, fwd)).getUTCDay() - dow) % 7;
  return -fwdWeekday + fwd - 1;
}

function weeksInYear(year: number, dow: number, doy: number): number {
  const days = isLeap(year) ? 366 : 365;
  return (days - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
}

/**
 * weekOf returns moment's week number and week-year: ISO weeks with (dow 1, doy 4), the English locale's weeks
 * (starting on Sunday, week 1 holding 1 January) with (dow 0, doy 6).
 */
export function weekOf(f: Fields, dow: number, doy: number): { week: number; year: number } {
  const week = Math.floor((dayOfYear(f) - firstWeekOffset(f.year, dow, doy) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(f.year - 1, dow, doy), year: f.year - 1 };
  const inYear = weeksInYear(f.year, dow, doy);
  if (week > inYear) return { week: week - inYear, year: f.year + 1 };
  return { week, year: f.year };
}
