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

const DAY_MS = 86_400_000;

/**
 * fieldsOf returns the calendar fields of an instant in a zone. The date comes from the day number by Howard
 * Hinnant's civil-from-days arithmetic (proleptic Gregorian, as JS dates are) rather than nine Date getters: the
 * getters took a fifth of a `formatDate(parseDate(...))` call (measured: 786 ns, 616 ns without them).
 * test/unit/date-fields.test.ts checks it against the getters over the whole JS date range.
 */
export function fieldsOf(t: number, zone: string): Fields {
  const offset = offsetAt(zone, t);
  const wall = t + offset;
  // At the ends of the JS date range the wall clock of a zone can fall outside it.
  if (!(Math.abs(wall) <= 8.64e15)) throw typeError(`The date ${t} is out of range in the time zone ${zone}`);
  const days = Math.floor(wall / DAY_MS);
  const inDay = wall - days * DAY_MS;
  // civil_from_days: eras of 400 years from 0000-03-01.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  const weekday = (((days + 4) % 7) + 7) % 7;
  return {
    t,
    offset,
    year,
    month,
    day,
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor(inDay / 60_000) % 60,
    second: Math.floor(inDay / 1000) % 60,
    ms: inDay % 1000,
    weekday,
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
