// formatDate's moment.js tokens (FUNCTIONS.md §4.1), in English. A format is split once into literal text and
// tokens (the longest token wins, `[text]` is literal) and cached; rendering reads one set of calendar fields.
import type { Limits } from '../source/limits.js';
import { dayOfYear, type Fields, fieldsOf, MONTHS, ordinal, WEEKDAYS, weekOf, zeroFill } from './date-fields.js';
import { ensureTextLength } from './size.js';

/** FORMAT_TOKENS represents every token of §4.1, the localized ones included. */
// biome-ignore format: one token table reads better than one token per line
export const FORMAT_TOKENS: readonly string[] = [
  'YYYY', 'YY', 'Y', 'gggg', 'gg', 'GGGG', 'GG', 'Q', 'Qo', 'M', 'Mo', 'MM', 'MMM', 'MMMM',
  'w', 'wo', 'ww', 'W', 'Wo', 'WW', 'D', 'Do', 'DD', 'DDD', 'DDDo', 'DDDD',
  'd', 'do', 'dd', 'ddd', 'dddd', 'e', 'E', 'H', 'HH', 'h', 'hh', 'k', 'kk', 'A', 'a', 'm', 'mm', 's', 'ss',
  'S', 'SS', 'SSS', 'SSSS', 'SSSSS', 'SSSSSS', 'SSSSSSS', 'SSSSSSSS', 'SSSSSSSSS',
  'Z', 'ZZ', 'X', 'x', 'LT', 'LTS', 'L', 'LL', 'LLL', 'LLLL',
];

/** Part represents one piece of a split format: literal text, or a token. */
export type Part = { literal: string } | { token: string };

const BY_FIRST = new Map<string, string[]>();
for (const t of [...FORMAT_TOKENS].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST.get(t[0] as string) ?? [];
  list.push(t);
  BY_FIRST.set(t[0] as string, list);
}

/** LOCALIZED represents the English expansions of the localized tokens. */
const LOCALIZED: Readonly<Record<string, string>> = {
  LT: 'h:mm A',
  LTS: 'h:mm:ss A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
};

/**
 * splitFormat returns the parts of a format: `[text]` (without `[` inside) is literal, the longest token at each
 * position wins, and every other character is literal. Localized tokens are expanded when `expand` is set.
 */
export function splitFormat(format: string, expand: boolean): Part[] {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i] as string;
    if (c === '[') {
      const close = format.indexOf(']', i + 1);
      const open = format.indexOf('[', i + 1);
      if (close !== -1 && (open === -1 || open > close)) {
        literal += format.slice(i + 1, close);
        i = close + 1;
        continue;
      }
    }
    const token = BY_FIRST.get(c)?.find((t) => format.startsWith(t, i));
    if (token === undefined) {
      literal += c;
      i++;
      continue;
    }
    if (literal) parts.push({ literal });
    literal = '';
    if (expand && token in LOCALIZED) parts.push(...splitFormat(LOCALIZED[token] as string, false));
    else parts.push({ token });
    i += token.length;
  }
  if (literal) parts.push({ literal });
  return parts;
}

function offsetText(offsetMs: number, colon: boolean): string {
  // Historical offsets with seconds (LMT) are cut to whole minutes, as moment-timezone shows them.
  const minutes = Math.trunc(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${colon ? ':' : ''}${mm}`;
}

function fraction(f: Fields, digits: number): string {
  const ms = String(f.ms).padStart(3, '0');
  return digits <= 3 ? ms.slice(0, digits) : ms.padEnd(digits, '0');
}

/** renderToken returns the text of one format token for calendar fields. */
function renderToken(token: string, f: Fields): string {
  switch (token) {
    case 'YYYY':
      return zeroFill(f.year, 4);
    case 'YY':
      return zeroFill(f.year % 100, 2);
    case 'Y':
      return f.year <= 9999 ? zeroFill(f.year, 4) : `+${f.year}`;
    case 'gggg':
      return zeroFill(weekOf(f, 0, 6).year, 4);
    case 'gg':
      return zeroFill(weekOf(f, 0, 6).year % 100, 2);
    case 'GGGG':
      return zeroFill(weekOf(f, 1, 4).year, 4);
    case 'GG':
      return zeroFill(weekOf(f, 1, 4).year % 100, 2);
    case 'Q':
      return String(Math.floor(f.month / 3) + 1);
    case 'Qo':
      return ordinal(Math.floor(f.month / 3) + 1);
    case 'M':
      return String(f.month + 1);
    case 'Mo':
      return ordinal(f.month + 1);
    case 'MM':
      return zeroFill(f.month + 1, 2);
    case 'MMM':
      return (MONTHS[f.month] as string).slice(0, 3);
    case 'MMMM':
      return MONTHS[f.month] as string;
    default:
      return renderWeekDayToken(token, f);
  }
}

function renderWeekDayToken(token: string, f: Fields): string {
  switch (token) {
    case 'w':
      return String(weekOf(f, 0, 6).week);
    case 'wo':
      return ordinal(weekOf(f, 0, 6).week);
    case 'ww':
      return zeroFill(weekOf(f, 0, 6).week, 2);
    case 'W':
      return String(weekOf(f, 1, 4).week);
    case 'Wo':
      return ordinal(weekOf(f, 1, 4).week);
    case 'WW':
      return zeroFill(weekOf(f, 1, 4).week, 2);
    case 'D':
      return String(f.day);
    case 'Do':
      return ordinal(f.day);
    case 'DD':
      return zeroFill(f.day, 2);
    case 'DDD':
      return String(dayOfYear(f));
    case 'DDDo':
      return ordinal(dayOfYear(f));
    case 'DDDD':
      return zeroFill(dayOfYear(f), 3);
    case 'd':
    case 'e':
      return String(f.weekday);
    case 'do':
      return ordinal(f.weekday);
    case 'dd':
      return (WEEKDAYS[f.weekday] as string).slice(0, 2);
    case 'ddd':
      return (WEEKDAYS[f.weekday] as string).slice(0, 3);
    case 'dddd':
      return WEEKDAYS[f.weekday] as string;
    case 'E':
      return String(f.weekday === 0 ? 7 : f.weekday);
    default:
      return renderTimeToken(token, f);
  }
}

function renderTimeToken(token: string, f: Fields): string {
  switch (token) {
    case 'H':
      return String(f.hour);
    case 'HH':
      return zeroFill(f.hour, 2);
    case 'h':
      return String(f.hour % 12 || 12);
    case 'hh':
      return zeroFill(f.hour % 12 || 12, 2);
    case 'k':
      return String(f.hour || 24);
    case 'kk':
      return zeroFill(f.hour || 24, 2);
    case 'A':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'a':
      return f.hour < 12 ? 'am' : 'pm';
    case 'm':
      return String(f.minute);
    case 'mm':
      return zeroFill(f.minute, 2);
    case 's':
      return String(f.second);
    case 'ss':
      return zeroFill(f.second, 2);
    case 'Z':
      return offsetText(f.offset, true);
    case 'ZZ':
      return offsetText(f.offset, false);
    case 'X':
      return String(Math.floor(f.t / 1000));
    case 'x':
      return String(f.t);
    default:
      // Only the fraction tokens S … SSSSSSSSS remain.
      return fraction(f, token.length);
  }
}

const MAX_CACHED_FORMATS = 256;
const MAX_CACHED_FORMAT_LENGTH = 200;
const formatCache = new Map<string, Part[]>();

/** formatParts returns the split of a format, cached for short formats. */
function formatParts(format: string): Part[] {
  let parts = formatCache.get(format);
  if (parts === undefined) {
    parts = splitFormat(format, true);
    if (format.length <= MAX_CACHED_FORMAT_LENGTH && formatCache.size < MAX_CACHED_FORMATS)
      formatCache.set(format, parts);
  }
  return parts;
}

/**
 * formatInstant returns an instant (epoch ms) formatted with moment.js tokens in a zone. A huge format stops at
 * limits.maxStringLength instead of building the whole text first.
 */
export function formatInstant(t: number, format: string, zone: string, limits: Limits): string {
  const f = fieldsOf(t, zone);
  let out = '';
  for (const p of formatParts(format)) {
    out += 'literal' in p ? p.literal : renderToken(p.token, f);
    if (out.length > limits.maxStringLength) ensureTextLength(out.length, limits);
  }
  return out;
}
