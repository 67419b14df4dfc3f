import DecimalJs from 'decimal.js';

/**
 * Dec represents decimal.js configured as SEMANTICS §3 requires: results rounded to 20 significant digits,
 * half away from zero; `mod` takes the sign of the dividend, like JS `%`.
 */
export const Dec = DecimalJs.clone({
  precision: 20,
  rounding: DecimalJs.ROUND_HALF_UP,
  modulo: DecimalJs.ROUND_DOWN,
  toExpNeg: -7,
  toExpPos: 21,
  minE: -9e15,
  maxE: 9e15,
});
/** Dec represents one decimal value of the configured decimal.js clone. */
export type Dec = InstanceType<typeof Dec>;

/**
 * DecExact represents decimal.js with enough digits to add any two doubles without rounding: a sum rounded to 20
 * digits first and to a double second can land one ulp off (499999999999.996 + -111428725317013000).
 */
export const DecExact = Dec.clone({ precision: 1000 });

const MAX_EXACT = 2 ** 53;
const SCALE_LIMIT = 2 ** 51;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * scaleOf returns k such that x = m × 10^-k with m a safe integer, k the fewest fraction digits of x's
 * shortest decimal text, or -1 when no k ≤ 15 gives a mantissa below 2^51 (then the caller uses decimal.js).
 * m = x × 10^k is recovered with Math.round: below 2^51 the product's rounding error is far under 0.5.
 */
export function scaleOf(x: number): number {
  for (let k = 0; k < POW10.length; k++) {
    const p = POW10[k] as number;
    const m = Math.round(x * p);
    if (Math.abs(m) >= SCALE_LIMIT) return -1;
    if (m / p === x) return k;
  }
  return -1;
}

/**
 * mantissaAt returns x × 10^k as an integer, x having scale kx ≤ k. The mantissa is recovered at x's own scale
 * (below 2^51, so Math.round is exact) and then scaled by an exact power of ten: rounding x × 10^k directly can be
 * off by one once the product passes 2^52 (14.97545231759944 + 64.07201 gave 79.04746231759945). A result of
 * 2^53 or more may be inexact; callers check the magnitude.
 */
function mantissaAt(x: number, kx: number, k: number): number {
  return Math.round(x * (POW10[kx] as number)) * (POW10[k - kx] as number);
}

/** toDec returns the decimal value of a double's shortest decimal text (`String(x)`). */
export function toDec(x: number): Dec {
  return new Dec(x);
}

/** decAdd returns the decimal-exact sum of two numbers (SEMANTICS §3), converted back to the nearest double. */
export function decAdd(a: number, b: number): number {
  const s = a + b;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Math.abs(s) < MAX_EXACT) return s;
  if (!Number.isFinite(s) || !Number.isFinite(a) || !Number.isFinite(b)) return s;
  const ka = scaleOf(a);
  const kb = scaleOf(b);
  if (ka >= 0 && kb >= 0) {
    const k = Math.max(ka, kb);
    const ma = mantissaAt(a, ka, k);
    const mb = mantissaAt(b, kb, k);
    const m = ma + mb;
    // Mantissas and sum below 2^53 are exact, and one division by 10^k is one correctly rounded IEEE operation.
    if (Math.abs(ma) < MAX_EXACT && Math.abs(mb) < MAX_EXACT && Math.abs(m) < MAX_EXACT) {
      return m / (POW10[k] as number);
    }
  }
  return new DecExact(a).plus(b).toNumber();
}

/** decMul returns the decimal-exact product rounded to 20 significant digits, as the nearest double. */
export function decMul(a: number, b: number): number {
  const p = a * b;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Math.abs(p) < MAX_EXACT) return p;
  if (!Number.isFinite(p) || !Number.isFinite(a) || !Number.isFinite(b) || p === 0) return p;
  const ka = scaleOf(a);
  const kb = scaleOf(b);
  if (ka >= 0 && kb >= 0 && ka + kb < POW10.length) {
    const m = Math.round(a * (POW10[ka] as number)) * Math.round(b * (POW10[kb] as number));
    // Below 2^53 the mantissa product has at most 16 digits, so rounding to 20 digits changes nothing.
    if (Math.abs(m) < MAX_EXACT) return m / (POW10[ka + kb] as number);
  }
  return toDec(a).times(toDec(b)).toNumber();
}

/**
 * terminatingQuotient returns a / b when that quotient is a terminating decimal whose digits fit a safe integer m,
 * as m × 10^e computed with one correctly rounded IEEE operation; otherwise NaN. With a = A × 10^-ka and
 * b = B × 10^-kb, a / b = (A / B) × 10^(kb - ka). After dividing out the factors of B other than 2 and 5 (they
 * must divide A), B = 2^i × 5^j and A / B = A × 2^(k-i) × 5^(k-j) / 10^k with k = max(i, j). A quotient of at most
 * 16 digits needs no rounding to 20 digits, so the nearest double of the exact decimal is the result.
 */
function terminatingQuotient(a: number, b: number): number {
  const ka = scaleOf(a);
  const kb = scaleOf(b);
  if (ka < 0 || kb < 0) return Number.NaN;
  let ma = Math.round(a * (POW10[ka] as number));
  let mb = Math.abs(Math.round(b * (POW10[kb] as number)));
  let rest = mb;
  let twos = 0;
  let fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) {
    if (ma % rest !== 0) return Number.NaN;
    ma /= rest;
    mb /= rest;
  }
  const k = Math.max(twos, fives);
  if (k >= POW10.length) return Number.NaN;
  const m = ma * ((POW10[k] as number) / mb) * (b < 0 ? -1 : 1);
  if (Math.abs(m) >= MAX_EXACT) return Number.NaN;
  const e = kb - ka - k;
  if (e <= 0) return -e < POW10.length ? m / (POW10[-e] as number) : Number.NaN;
  const big = m * (POW10[e] as number);
  return e < POW10.length && Math.abs(big) < MAX_EXACT ? big : Number.NaN;
}

/** decDiv returns the decimal quotient rounded to 20 significant digits, as the nearest double. */
export function decDiv(a: number, b: number): number {
  const q = a / b;
  if (!Number.isFinite(q) || !Number.isFinite(a) || !Number.isFinite(b) || q === 0) return q;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && a % b === 0) return q;
  const t = terminatingQuotient(a, b);
  return Number.isNaN(t) ? toDec(a).div(toDec(b)).toNumber() : t;
}

/** decMod returns the decimal-exact remainder (sign of the dividend, as JS `%`), as the nearest double. */
export function decMod(a: number, b: number): number {
  const r = a % b;
  if (!Number.isFinite(r) || !Number.isFinite(a) || !Number.isFinite(b)) return r;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return r;
  const ka = scaleOf(a);
  const kb = scaleOf(b);
  if (ka >= 0 && kb >= 0) {
    const k = Math.max(ka, kb);
    const ma = mantissaAt(a, ka, k);
    const mb = mantissaAt(b, kb, k);
    if (Math.abs(ma) < MAX_EXACT && Math.abs(mb) < MAX_EXACT) {
      const m = ma % mb;
      return m === 0 && (a < 0 || Object.is(a, -0)) ? -0 : m / (POW10[k] as number);
    }
  }
  const r2 = toDec(a).mod(toDec(b)).toNumber();
  // decimal.js loses the sign of a zero remainder; JS `%` keeps the dividend's.
  return r2 === 0 && (a < 0 || Object.is(a, -0)) ? -0 : r2;
}
