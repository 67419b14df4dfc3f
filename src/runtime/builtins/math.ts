// FUNCTIONS.md §3: rounding and the aggregates. Decimal-exact functions start from each double's shortest decimal
// text (§0.3) and compute in decimal.js; a fast path is taken only where the result is provably identical.
import type DecimalJs from 'decimal.js';
import { int, isAbsent, numericValue, numOrUndefined } from '../convert.js';
import { Dec, DecExact as Exact, scaleOf } from '../decimal.js';
import { typeError } from '../errors.js';
import { type Builtin, strict } from './registry.js';

const MAX_DECIMALS = 100;
const MAX_EXACT = 2 ** 53;

/** plainZero returns x with -0 turned into 0, so results never carry a negative zero. */
function plainZero(x: number): number {
  return x === 0 ? 0 : x;
}

/** decimalsArg returns the `decimals` argument of round/trunc: an integer in -100..100, 0 when absent. */
function decimalsArg(v: unknown, fn: string): number {
  if (isAbsent(v)) return 0;
  const d = int(v, fn, 'an integer number of decimals');
  if (Math.abs(d) > MAX_DECIMALS) throw typeError(`${fn}() expects decimals between -100 and 100, got ${d}`);
  return d;
}

/**
 * roundTo returns a number rounded decimal-exactly to `decimals` places (negative: tens, hundreds, …) with a
 * decimal.js rounding mode: ROUND_HALF_UP is half away from zero (`round`), ROUND_DOWN toward zero (`trunc`).
 */
function roundTo(v: unknown, decimals: unknown, fn: string, mode: DecimalJs.Rounding): number | undefined {
  const n = numOrUndefined(v, fn);
  if (n === undefined) return undefined;
  const d = decimalsArg(decimals, fn);
  if (!Number.isFinite(n) || (Number.isInteger(n) && d >= 0)) return plainZero(n);
  const x = new Dec(n);
  if (d >= 0) return plainZero(x.toDecimalPlaces(d, mode).toNumber());
  // Scaling by a power of ten only moves the exponent, so it is exact at any precision.
  const scale = new Dec(10).pow(-d);
  return plainZero(x.div(scale).toDecimalPlaces(0, mode).times(scale).toNumber());
}

/** unary returns a single-number function: absent gives undefined, NaN and ±Infinity pass through. */
function unary(fn: string, op: (n: number) => number): Builtin {
  return strict(fn, 1, 1, (_ctx, v) => {
    const n = numOrUndefined(v, fn);
    return n === undefined ? undefined : plainZero(op(n));
  });
}

/** numbers returns the numbers of the aggregate arguments: arrays contribute their elements (one level). */
function numbers(args: readonly unknown[]): number[] {
  const out: number[] = [];
  const take = (v: unknown): void => {
    const n = numericValue(v);
    if (n !== undefined) out.push(n);
  };
  for (const a of args) {
    if (Array.isArray(a)) for (const e of a) take(e);
    else take(a);
  }
  return out;
}

/**
 * scaledSum returns the sum of numbers as an integer mantissa and a decimal scale (sum = m × 10^-k), or undefined
 * when a number has no short decimal form or a mantissa would pass 2^53 (then decimal.js adds them).
 */
function scaledSum(xs: readonly number[]): { m: number; k: number } | undefined {
  let k = 0;
  for (const x of xs) {
    const kx = scaleOf(x);
    if (kx < 0) return undefined;
    if (kx > k) k = kx;
  }
  let m = 0;
  for (const x of xs) {
    const kx = scaleOf(x);
    const mx = Math.round(x * 10 ** kx) * 10 ** (k - kx);
    m += mx;
    if (Math.abs(mx) >= MAX_EXACT || Math.abs(m) >= MAX_EXACT) return undefined;
  }
  return { m, k };
}

/** exactSum returns the decimal-exact sum of numbers (integer mantissas while they stay exact, else decimal.js). */
function exactSum(xs: readonly number[]): InstanceType<typeof Exact> {
  const scaled = scaledSum(xs);
  if (scaled) return new Exact(scaled.m).div(10 ** scaled.k);
  let acc = new Exact(0);
  for (const x of xs) acc = acc.plus(x);
  return acc;
}

/** extreme returns the smallest (sign -1) or largest (sign 1) number of the arguments, or null without numbers. */
function extreme(args: readonly unknown[], sign: number): number | null {
  const xs = numbers(args);
  if (xs.length === 0) return null;
  let best = xs[0] as number;
  for (const x of xs) if (sign > 0 ? x > best : x < best) best = x;
  return plainZero(best);
}

/** average returns the decimal-exact mean (the quotient rounded to 20 significant digits), or null without numbers. */
function average(args: readonly unknown[]): number | null {
  const xs = numbers(args);
  if (xs.length === 0) return null;
  return plainZero(new Dec(exactSum(xs)).div(xs.length).toNumber());
}

/** median returns the middle number, or the decimal-exact mean of the two middle ones, or null without numbers. */
function median(args: readonly unknown[]): number | null {
  const xs = numbers(args).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  if (xs.length % 2 === 1) return xs[mid] as number;
  return plainZero(new Dec(new Exact(xs[mid - 1] as number).plus(xs[mid] as number)).div(2).toNumber());
}

/** stdev returns the sample (n−1) or population (n) standard deviation in double arithmetic, or null. */
function stdev(args: readonly unknown[], sample: boolean): number | null {
  const xs = numbers(args);
  const n = xs.length;
  if (n === 0 || (sample && n < 2)) return null;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let squares = 0;
  for (const x of xs) squares += (x - mean) * (x - mean);
  return Math.sqrt(squares / (sample ? n - 1 : n));
}

const VARIADIC = Number.POSITIVE_INFINITY;

/** mathBuiltins represents the rounding functions and aggregates of FUNCTIONS.md §3. */
export const mathBuiltins: Builtin[] = [
  strict('round', 1, 2, (_ctx, v, d) => roundTo(v, d, 'round', Dec.ROUND_HALF_UP)),
  strict('trunc', 1, 2, (_ctx, v, d) => roundTo(v, d, 'trunc', Dec.ROUND_DOWN)),
  unary('floor', Math.floor),
  unary('ceil', Math.ceil),
  unary('abs', Math.abs),
  strict('min', 1, VARIADIC, (_ctx, ...args) => extreme(args, -1)),
  strict('max', 1, VARIADIC, (_ctx, ...args) => extreme(args, 1)),
  strict('sum', 1, VARIADIC, (_ctx, ...args) => plainZero(exactSum(numbers(args)).toNumber())),
  strict('average', 1, VARIADIC, (_ctx, ...args) => average(args)),
  strict('median', 1, VARIADIC, (_ctx, ...args) => median(args)),
  strict('stdevS', 1, VARIADIC, (_ctx, ...args) => stdev(args, true)),
  strict('stdevP', 1, VARIADIC, (_ctx, ...args) => stdev(args, false)),
];
