// fieldsOf computes calendar fields arithmetically; JS's own Date getters are the oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/runtime/date-fields.js';

const MAX = 8.64e15;

/** viaDate returns the fields of an instant in UTC from JS's Date getters. */
function viaDate(t: number) {
  const d = new Date(t);
  return {
    t,
    offset: 0,
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

describe('fieldsOf', () => {
  it.each([
    [0, '1970-01-01 Thursday'],
    [-1, 'the last millisecond of 1969'],
    [951_782_400_000, '2000-02-29, a leap day of a century divisible by 400'],
    [-2_203_891_200_000, '1900-03-01, after the non-leap 1900-02-28'],
    [1_700_000_000_000, '2023-11-14 22:13:20'],
    [-62_198_755_200_000, 'year 0 (1 BC)'],
    [-62_135_596_800_001, 'the last millisecond of year 0'],
    [MAX, 'the largest JS date'],
    [-MAX, 'the smallest JS date'],
  ])('agrees with the Date getters at %d (%s)', (t) => {
    expect(fieldsOf(t, 'UTC')).toStrictEqual(viaDate(t));
  });

  it('agrees with the Date getters on any instant of the JS range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (t) => {
        expect(fieldsOf(t, 'UTC')).toStrictEqual(viaDate(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the wall clock of a zone and rejects one outside the JS range', () => {
    const f = fieldsOf(Date.UTC(2024, 6, 1, 12), 'Europe/Prague');
    expect([f.hour, f.offset]).toStrictEqual([14, 7_200_000]);
    expect(() => fieldsOf(MAX, 'Asia/Tokyo')).toThrow(/out of range/);
  });
});
