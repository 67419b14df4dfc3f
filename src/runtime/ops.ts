import { type Limits, MAX_VALUE_DEPTH } from '../source/limits.js';
import { guardSize } from './call.js';
import { decAdd, decDiv, decMod, decMul } from './decimal.js';
import { depthError } from './errors.js';
import { render } from './render.js';

/**
 * jsString returns JS `String(v)` for any value without running user code: arrays join their elements (null and
 * undefined as ""), plain and null-prototype objects give "[object Object]", Dates their JS `toString`.
 */
export function jsString(v: unknown, depth = 0): string {
  if (typeof v !== 'object' || v === null) return typeof v === 'symbol' ? 'Symbol()' : String(v);
  if (v instanceof Date) return String(v);
  if (Array.isArray(v) || v instanceof Uint8Array) {
    if (depth >= MAX_VALUE_DEPTH) throw depthError();
    let out = '';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ',';
      const e = v[i];
      if (e !== null && e !== undefined) out += jsString(e, depth + 1);
    }
    return out;
  }
  return '[object Object]';
}

/** toPrimitive returns the JS primitive of a value for comparison (`hint` number: Dates give their time). */
function toPrimitive(v: unknown, dateAsNumber: boolean): unknown {
  if (typeof v === 'symbol' || typeof v === 'function') return Number.NaN;
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Date) return dateAsNumber ? v.getTime() : String(v);
  return jsString(v);
}

/** toNumber returns JS `Number(v)` for any value, safely (objects give NaN, Dates their time, arrays their text). */
export function toNumber(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'string':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'undefined':
      return Number.NaN;
    case 'bigint':
      return Number(v);
    case 'object':
      if (v === null) return 0;
      if (v instanceof Date) return v.getTime();
      if (Array.isArray(v)) return Number(jsString(v));
      return Number.NaN;
    default:
      return Number.NaN;
  }
}

function isPrimitive(v: unknown): boolean {
  return typeof v !== 'object' || v === null;
}

/**
 * add returns `a + b` (SEMANTICS §3): two numbers add decimal-exactly; a string on either side concatenates the
 * renderings; one null/undefined beside a primitive gives the other; two of them give null; else concatenation.
 */
export function add(a: unknown, b: unknown): unknown {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' && tb === 'number') return decAdd(a as number, b as number);
  if (ta === 'string' || tb === 'string') return render(a) + render(b);
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  if (aNil && bNil) return null;
  if (aNil && isPrimitive(b)) return b;
  if (bNil && isPrimitive(a)) return a;
  return render(a) + render(b);
}

/** sub returns `Number(a) - Number(b)` in plain double arithmetic (date minus date is milliseconds). */
export function sub(a: unknown, b: unknown): number {
  return toNumber(a) - toNumber(b);
}

/** forcedAdd returns `a ++ b`: `Number(a) + Number(b)` in plain double arithmetic. */
export function forcedAdd(a: unknown, b: unknown): number {
  return toNumber(a) + toNumber(b);
}

/** mul returns the decimal-exact `a * b` rounded to 20 significant digits. */
export function mul(a: unknown, b: unknown): number {
  return decMul(toNumber(a), toNumber(b));
}

/** div returns the decimal `a / b` rounded to 20 significant digits; division by zero as in JS. */
export function div(a: unknown, b: unknown): number {
  return decDiv(toNumber(a), toNumber(b));
}

/** mod returns the decimal-exact `a % b` with the sign of the dividend, as in JS. */
export function mod(a: unknown, b: unknown): number {
  return decMod(toNumber(a), toNumber(b));
}

/** neg returns `-a`. */
export function neg(a: unknown): number {
  return -toNumber(a);
}

/** plus returns `+a`, the value converted to a number. */
export function plus(a: unknown): number {
  return toNumber(a);
}

/** not returns `!a`. */
export function not(a: unknown): boolean {
  return !a;
}

/** looseEquals returns JS `a == b`, except that two Dates are equal when their times are (SEMANTICS §3). */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const oa = typeof a === 'object' && a !== null;
  const ob = typeof b === 'object' && b !== null;
  if (oa && ob) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  // biome-ignore lint/suspicious/noDoubleEquals: IML equality is JS loose equality (SEMANTICS §3)
  if (!oa && !ob) return a == b;
  const prim = oa ? b : a;
  if (prim === null || prim === undefined) return false;
  // biome-ignore lint/suspicious/noDoubleEquals: IML equality is JS loose equality (SEMANTICS §3)
  return toPrimitive(oa ? a : b, false) == prim;
}

/** strictEquals returns JS `a === b`, except that two Dates are equal when their times are. */
export function strictEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
}

/** lessThan returns JS `a < b` (Dates compare by time). */
export function lessThan(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return (toPrimitive(a, true) as number) < (toPrimitive(b, true) as number);
}

/** lessEqual returns JS `a <= b` (Dates compare by time). */
export function lessEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return (toPrimitive(a, true) as number) <= (toPrimitive(b, true) as number);
}

/** greaterThan returns JS `a > b` (Dates compare by time). */
export function greaterThan(a: unknown, b: unknown): boolean {
  return lessThan(b, a);
}

/** greaterEqual returns JS `a >= b` (Dates compare by time). */
export function greaterEqual(a: unknown, b: unknown): boolean {
  return lessEqual(b, a);
}

/**
 * applyBinary returns `a op b` for a strict (non-short-circuit) binary operator written as in IML, `=` and `!=`
 * loose or strict by strictEquality (undefined for any other text): the one definition the reference interpreter
 * and the optimizer's folding share, so they cannot drift apart. A `+` result is checked against the limits.
 */
export function applyBinary(op: string, a: unknown, b: unknown, strictEquality: boolean, limits: Limits): unknown {
  switch (op) {
    case '+':
      return guardSize(add(a, b), limits);
    case '-':
      return sub(a, b);
    case '++':
      return forcedAdd(a, b);
    case '*':
      return mul(a, b);
    case '/':
      return div(a, b);
    case '%':
      return mod(a, b);
    case '<':
      return lessThan(a, b);
    case '<=':
      return lessEqual(a, b);
    case '>':
      return greaterThan(a, b);
    case '>=':
      return greaterEqual(a, b);
    case '=':
      return strictEquality ? strictEquals(a, b) : looseEquals(a, b);
    case '!=':
      return !(strictEquality ? strictEquals(a, b) : looseEquals(a, b));
    default:
      return undefined;
  }
}
