// SEMANTICS §3 decimal-exact arithmetic and STYLE.md "test the fast path against the library with fast-check".
// The oracle is an independent decimal.js clone with far more precision than any double needs.
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decAdd, decDiv, decMod, decMul, scaleOf } from '../../src/runtime/decimal.js';

const Exact = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_UP, modulo: DecimalJs.ROUND_DOWN });
const exact = (x: number) => new Exact(String(x));
/** toDouble returns the nearest double of a decimal (JS number parsing is correctly rounded). */
const toDouble = (d: DecimalJs) => Number(d.toString());
const round20 = (d: DecimalJs) => toDouble(d.toSignificantDigits(20, DecimalJs.ROUND_HALF_UP));

/** decimalish represents doubles with short decimal texts (money, percentages) and some arbitrary doubles. */
const decimalish = fc.oneof(
  fc
    .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 }))
    .map(([m, k]) => m / 10 ** k),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }),
  fc.constantFrom(0.1, 0.2, 0.3, 1.005, 2 ** 53, 2 ** 53 + 2, 1e21, 5e-324, -0),
);

const sameNumber = (got: number, want: number) => expect(Object.is(got, want) || got === want).toBe(true);

describe('decimal fast paths agree with the decimal oracle', () => {
  // SEMANTICS §3: `+` is the decimal-exact sum (only * / % round to 20 digits first); rounding the sum to 20
  // digits and then to a double can land one ulp away (2^53 + 2 plus 0.99995).
  it('decAdd is the exact sum, as the nearest double', () => {
    fc.assert(
      fc.property(decimalish, decimalish, (a, b) => {
        sameNumber(decAdd(a, b), a + b === 0 ? a + b : toDouble(exact(a).plus(exact(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('decMul is the exact product rounded to 20 digits, as the nearest double', () => {
    fc.assert(
      fc.property(decimalish, decimalish, (a, b) => {
        const p = a * b;
        sameNumber(decMul(a, b), p === 0 || !Number.isFinite(p) ? p : round20(exact(a).times(exact(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('decDiv is the quotient rounded to 20 digits, as the nearest double', () => {
    fc.assert(
      fc.property(decimalish, decimalish, (a, b) => {
        const q = a / b;
        sameNumber(decDiv(a, b), q === 0 || !Number.isFinite(q) ? q : round20(exact(a).div(exact(b))));
      }),
      { numRuns: 2000 },
    );
  });

  // Divisors of the form 2^i × 5^j × (a factor of the dividend) take the terminating-quotient fast path.
  it('decDiv by terminating divisors (money / 100, x / 8, y / 1.25) matches the oracle', () => {
    const terminating = fc
      .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 }))
      .chain(([i, j, k]) => fc.constantFrom(2 ** i * 5 ** j, (2 ** i * 5 ** j) / 10 ** k, -(2 ** i) * 3));
    fc.assert(
      fc.property(decimalish, terminating, (a, b) => {
        const q = a / b;
        sameNumber(decDiv(a, b), q === 0 || !Number.isFinite(q) ? q : round20(exact(a).div(exact(b))));
      }),
      { numRuns: 3000 },
    );
  });

  it('decMod is the exact remainder with the sign of the dividend', () => {
    fc.assert(
      fc.property(decimalish, decimalish, (a, b) => {
        const r = a % b;
        const want = !Number.isFinite(r) ? r : toDouble(exact(a).mod(exact(b)));
        sameNumber(decMod(a, b), want === 0 && (a < 0 || Object.is(a, -0)) ? -0 : want);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decimal examples (SEMANTICS §3)', () => {
  it.each([
    [decAdd, 0.1, 0.2, 0.3],
    [decAdd, 0.7, 0.1, 0.8],
    [decAdd, 1e21, 1, 1e21],
    [decAdd, -0, -0, -0],
    [decAdd, 14.97545231759944, 64.07201, 79.04746231759944],
    [decAdd, 2 ** 53 + 2, 0.99995, 2 ** 53 + 2],
    [decMul, 0.1, 3, 0.3],
    [decMul, 1.1, 1.1, 1.21],
    [decMul, 0.07, 100, 7],
    [decMul, -1, 0, -0],
    [decDiv, 1, 3, 0.3333333333333333],
    [decDiv, 2, 3, 0.6666666666666666],
    [decDiv, 0.3, 0.1, 3],
    [decDiv, 123, 10, 12.3],
    [decDiv, 1, 8, 0.125],
    [decDiv, 63, 1.2, 52.5],
    [decDiv, -12.5, 0.05, -250],
    [decDiv, 12.9, 4, 3.225],
    [decDiv, 1, 0, Number.POSITIVE_INFINITY],
    [decDiv, -1, 0, Number.NEGATIVE_INFINITY],
    [decDiv, 0, 0, Number.NaN],
    [decMod, 0.3, 0.1, 0],
    [decMod, -0.3, 0.1, -0],
    [decMod, 5.5, 2, 1.5],
    [decMod, -7, 3, -1],
    [decMod, 7, -3, 1],
    [decMod, 1, 0, Number.NaN],
    [decMod, Number.POSITIVE_INFINITY, 2, Number.NaN],
    [decMod, 2, Number.POSITIVE_INFINITY, 2],
  ])('%o(%s, %s) = %s', (fn, a, b, want) => {
    sameNumber((fn as (x: number, y: number) => number)(a as number, b as number), want as number);
  });
});

describe('scaleOf', () => {
  it('returns the fraction digits of short decimal texts', () => {
    expect([scaleOf(0), scaleOf(12), scaleOf(1.5), scaleOf(0.25), scaleOf(-0.001), scaleOf(1e-15)]).toEqual([
      0, 0, 1, 2, 3, 15,
    ]);
  });

  it('returns -1 when no small mantissa exists', () => {
    expect(scaleOf(1e-16)).toBe(-1);
    expect(scaleOf(2 ** 60)).toBe(-1);
    expect(scaleOf(Math.PI)).toBe(-1);
  });

  it('x equals its mantissa divided by 10^k whenever k >= 0', () => {
    fc.assert(
      fc.property(decimalish, (x) => {
        const k = scaleOf(x);
        if (k >= 0) expect(Math.round(x * 10 ** k) / 10 ** k).toBe(x);
      }),
    );
  });
});
