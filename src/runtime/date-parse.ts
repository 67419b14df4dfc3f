// parseDate's moment.js parse tokens (FUNCTIONS.md §4.2). A format compiles once into an anchored regular
// expression (so the whole input must match and adjacent numeric fields can backtrack) plus the token of each
// capture group. English names match in any case; every other literal must match exactly.
import { daysInMonth, describe } from './convert.js';
import { MONTHS, nameIndex, WEEKDAYS } from './date-fields.js';
import { splitFormat } from './date-format.js';
import { typeError } from './errors.js';
import { fromWall, toWall, utcMs } from './zone.js';

/** Compiled represents a parse format: its anchored regex and the token of each capture group, in order. */
interface Compiled {
  readonly re: RegExp;
  readonly slots: readonly string[];
}

/** Parsed represents the fields a parse found; undefined where the format has no token for them. */
interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  ms?: number;
  offset?: number;
  epoch?: number;
}

const MAX_TIME = 8.64e15;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** caseless returns a regex source that matches a word in any letter case. */
function caseless(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

function namesSource(names: readonly string[]): string {
  const all = [...names, ...names.map((n) => n.slice(0, 3))].sort((a, b) => b.length - a.length);
  return all.map(caseless).join('|');
}

const MONTH_NAMES = `(${namesSource(MONTHS)})`;
const WEEKDAY_NAMES = `(?:${namesSource(WEEKDAYS)})`;
const TWO = '(\\d{1,2})';

/** PARSE_SOURCES represents the regex source of each supported parse token (a capture group when it carries a value). */
const PARSE_SOURCES: Readonly<Record<string, string>> = {
  YYYY: '(\\d{4}|\\d{2})',
  YY: '(\\d{2})',
  Y: '([+-]?\\d+)',
  M: TWO,
  MM: TWO,
  MMM: MONTH_NAMES,
  MMMM: MONTH_NAMES,
  D: TWO,
  DD: TWO,
  Do: `${TWO}(?:${['st', 'nd', 'rd', 'th'].map(caseless).join('|')})?`,
  ddd: WEEKDAY_NAMES,
  dddd: WEEKDAY_NAMES,
  H: TWO,
  HH: TWO,
  k: TWO,
  kk: TWO,
  h: TWO,
  hh: TWO,
  a: `(${['am', 'pm', 'a', 'p'].map(caseless).join('|')})`,
  A: `(${['am', 'pm', 'a', 'p'].map(caseless).join('|')})`,
  m: TWO,
  mm: TWO,
  s: TWO,
  ss: TWO,
  Z: '(Z|[+-]\\d{2}:?\\d{2})',
  ZZ: '(Z|[+-]\\d{2}:?\\d{2})',
  X: '([+-]?\\d+(?:\\.\\d+)?)',
  x: '([+-]?\\d+)',
};

const MAX_CACHED = 256;
const cache = new Map<string, Compiled>();

/** compileFormat returns the compiled parse format; a token §4.2 does not support is `runtime/type`. */
function compileFormat(format: string): Compiled {
  const hit = cache.get(format);
  if (hit) return hit;
  let source = '^';
  const slots: string[] = [];
  for (const part of splitFormat(format, false)) {
    if ('literal' in part) {
      source += escapeRegex(part.literal);
      continue;
    }
    const { token } = part;
    const fraction = /^S+$/.test(token);
    const src = fraction ? `(\\d{${token.length}})` : PARSE_SOURCES[token];
    if (src === undefined) throw typeError(`parseDate() does not support the token "${token}" in a format`);
    source += src;
    if (src.startsWith('(') && !src.startsWith('(?:')) slots.push(token);
  }
  let re: RegExp;
  try {
    re = new RegExp(`${source}$`);
  } catch {
    throw typeError('parseDate() got a format too large to compile');
  }
  const compiled = { re, slots };
  if (format.length <= 200 && cache.size < MAX_CACHED) cache.set(format, compiled);
  return compiled;
}

function twoDigitYear(s: string): number {
  const y = Number(s);
  return y + (y <= 68 ? 2000 : 1900);
}

function offsetOf(s: string): number {
  if (s === 'Z') return 0;
  const digits = s.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return (s[0] === '-' ? -minutes : minutes) * 60_000;
}

/** readSlot stores the value of one capture group into the parsed fields. */
function readSlot(p: Parsed, token: string, v: string): void {
  switch (token) {
    case 'YYYY':
      p.year = v.length === 2 ? twoDigitYear(v) : Number(v);
      return;
    case 'YY':
      p.year = twoDigitYear(v);
      return;
    case 'Y':
      p.year = Number(v);
      return;
    case 'M':
    case 'MM':
      p.month = Number(v);
      return;
    case 'MMM':
    case 'MMMM':
      p.month = nameIndex(MONTHS, v) + 1;
      return;
    case 'D':
    case 'DD':
    case 'Do':
      p.day = Number(v);
      return;
    case 'h':
    case 'hh':
      p.hour12 = Number(v);
      return;
    case 'a':
    case 'A':
      p.pm = v[0] === 'p' || v[0] === 'P';
      return;
    case 'm':
    case 'mm':
      p.minute = Number(v);
      return;
    case 's':
    case 'ss':
      p.second = Number(v);
      return;
    case 'Z':
    case 'ZZ':
      p.offset = offsetOf(v);
      return;
    case 'X':
      // Seconds with decimals: scale by text, so that "1.0005" gives 1001 ms exactly, not 1000.4999….
      p.epoch = Math.round(Number(`${v}e3`));
      return;
    case 'x':
      p.epoch = Number(v);
      return;
    default:
      if (token[0] === 'S') p.ms = Number(v.slice(0, 3).padEnd(3, '0'));
      else p.hour = Number(v); // H HH k kk
  }
}

/** hourOf returns the hour of day from H/k or h with a meridiem (12 am is 0; h without a meridiem is read as is). */
function hourOf(p: Parsed): number | undefined {
  let hour = p.hour ?? p.hour12;
  if (hour === undefined) return undefined;
  if (p.hour12 !== undefined && p.hour === undefined && (hour < 1 || hour > 12)) return Number.NaN;
  if (p.pm === true && hour < 12) hour += 12;
  else if (p.pm === false && hour === 12 && p.hour === undefined) hour = 0;
  return hour;
}

/**
 * parseWithFormat returns the instant that a text denotes under a moment.js parse format, read in `zone` unless
 * the text has an offset. Leading missing date parts come from `now` in the zone, later ones take their minimum.
 */
export function parseWithFormat(input: string, format: string, zone: string, now: Date): number {
  const { re, slots } = compileFormat(format);
  const m = re.exec(input);
  const fail = (): never => {
    throw typeError(`parseDate() cannot read ${describe(input)} with the format "${format}"`);
  };
  if (!m) return fail();
  const p: Parsed = {};
  for (let i = 0; i < slots.length; i++) readSlot(p, slots[i] as string, m[i + 1] as string);
  if (p.epoch !== undefined) return Math.abs(p.epoch) <= MAX_TIME ? p.epoch : fail();
  let { year, month, day } = p;
  if (year === undefined) {
    const today = new Date(toWall(zone, now.getTime()));
    year = today.getUTCFullYear();
    if (month === undefined) {
      month = today.getUTCMonth() + 1;
      day ??= today.getUTCDate();
    }
  }
  month ??= 1;
  day ??= 1;
  const hour = hourOf(p) ?? 0;
  const { minute = 0, second = 0, ms = 0 } = p;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return fail();
  if (!(hour >= 0 && hour <= 23) || minute > 59 || second > 59) return fail();
  const wall = utcMs(year, month - 1, day, hour, minute, second, ms);
  const t = p.offset === undefined ? fromWall(zone, wall) : wall - p.offset;
  return Number.isFinite(t) && Math.abs(t) <= MAX_TIME ? t : fail();
}
