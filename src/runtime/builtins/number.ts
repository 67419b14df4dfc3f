// FUNCTIONS.md §3: parseNumber and formatNumber.
import { DECIMAL_LITERAL, describe, int, isAbsent, numOrUndefined, text } from '../convert.js';
import { Dec } from '../decimal.js';
import { typeError } from '../errors.js';
import { type Builtin, strict } from './registry.js';

const NOISE = /[\s'\u2019]/g;

/** parseNumber returns the number in a text with `.` or `,` as the decimal separator (spaces, apostrophes and the other separator dropped). */
function parseNumber(value: unknown, separator: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (isAbsent(value)) return undefined;
  const sep = separator === undefined || separator === null ? '.' : text(separator);
  if (sep !== '.' && sep !== ',')
    throw typeError(`parseNumber() expects "." or "," as decimal separator, got ${describe(sep)}`);
  const other = sep === '.' ? ',' : '.';
  let s = text(value).replace(NOISE, '').split(other).join('');
  if (sep === ',') s = s.replace(/,/g, '.');
  if (!DECIMAL_LITERAL.test(s)) throw typeError(`parseNumber() expects a number, got ${describe(value)}`);
  return Number(s);
}

/** group returns integer digits grouped in threes from the right with a separator. */
function group(digits: string, separator: string): string {
  if (separator === '' || digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

/** formatNumber returns fixed-point text, rounded half away from zero decimal-exactly, with grouped thousands. */
function formatNumber(
  value: unknown,
  decimals: unknown,
  decimalSep: unknown,
  thousandsSep: unknown,
): string | undefined {
  const n = numOrUndefined(value, 'formatNumber');
  if (n === undefined) return undefined;
  const d = isAbsent(decimals) ? 0 : int(decimals, 'formatNumber', 'an integer number of decimals');
  if (d < 0 || d > 20) throw typeError(`formatNumber() expects decimals between 0 and 20, got ${d}`);
  const ds = decimalSep === undefined || decimalSep === null ? ',' : text(decimalSep);
  const ts = thousandsSep === undefined || thousandsSep === null ? '.' : text(thousandsSep);
  if (!Number.isFinite(n)) return String(n);
  const fixed = new Dec(n).toFixed(d, Dec.ROUND_HALF_UP);
  const digits = fixed.startsWith('-') ? fixed.slice(1) : fixed;
  // A result that rounds to zero has no minus sign.
  const sign = fixed.startsWith('-') && /[1-9]/.test(digits) ? '-' : '';
  const dot = digits.indexOf('.');
  const whole = dot === -1 ? digits : digits.slice(0, dot);
  return sign + group(whole, ts) + (dot === -1 ? '' : ds + digits.slice(dot + 1));
}

/** numberBuiltins represents parseNumber and formatNumber of FUNCTIONS.md §3. */
export const numberBuiltins: Builtin[] = [
  strict('parseNumber', 1, 2, (_ctx, v, sep) => parseNumber(v, sep)),
  strict('formatNumber', 1, 4, (_ctx, v, d, ds, ts) => formatNumber(v, d, ds, ts)),
];
