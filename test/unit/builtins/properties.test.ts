// Properties (fast-check): date format/parse round trips, decimal arithmetic against decimal.js, sort stability
// and totality on mixed types.
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/index.js';

const ZONES = ['UTC', 'Europe/Prague', 'Asia/Tokyo', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata'];
// Since 1950 every zone here has whole-minute offsets (LMT offsets with seconds cannot round-trip through Z).
const date = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('9990-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('parseDate(formatDate(d, f), f) round-trips for lossless formats', () => {
  // With an offset token or epoch token, every instant in every zone round-trips.
  for (const f of ['YYYY-MM-DDTHH:mm:ss.SSSZ', 'x', 'dddd, MMMM Do YYYY, h:mm:ss.SSS a ZZ', 'X']) {
    it(`'${f}' in any zone`, () => {
      fc.assert(
        fc.property(date, fc.constantFrom(...ZONES), (d, zone) => {
          const got = evaluate('{{parseDate(formatDate(d, f, z), f, z)}}', { d, f, z: zone }) as Date;
          const lossy = f === 'X' ? d.getTime() - (((d.getTime() % 1000) + 1000) % 1000) : d.getTime();
          expect(got.getTime()).toBe(lossy);
        }),
      );
    });
  }

  // Without an offset, the wall time is unambiguous in zones without DST.
  for (const f of ['YYYY-MM-DD HH:mm:ss.SSS', 'DD.MM.YYYY H:m:s.SSS', 'MMMM D, YYYY hh:mm:ss.SSS A']) {
    it(`'${f}' in UTC and Asia/Tokyo`, () => {
      fc.assert(
        fc.property(date, fc.constantFrom('UTC', 'Asia/Tokyo'), (d, zone) => {
          const got = evaluate('{{parseDate(formatDate(d, f), f)}}', { d, f }, { timezone: zone }) as Date;
          expect(got.getTime()).toBe(d.getTime());
        }),
      );
    });
  }

  it('a DST zone round-trips every instant outside the repeated hour', () => {
    fc.assert(
      fc.property(date, (d) => {
        const f = 'YYYY-MM-DD HH:mm:ss.SSS';
        const text = evaluate('{{formatDate(d, f)}}', { d, f }, { timezone: 'Europe/Prague' });
        const got = evaluate('{{parseDate(t, f)}}', { t: text, f }, { timezone: 'Europe/Prague' }) as Date;
        // In the repeated hour the earlier instant wins, exactly one hour before.
        expect([0, -3_600_000]).toContain(got.getTime() - d.getTime());
      }),
    );
  });
});

/** decimalText generates the text of a decimal with up to 15 significant digits. */
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: -12, max: 12 }))
  .map(([m, e]) => new DecimalJs(m.toString()).times(new DecimalJs(10).pow(e)).toString());

describe('decimal arithmetic agrees with decimal.js', () => {
  const Exact = DecimalJs.clone({ precision: 1000 });
  const Twenty = DecimalJs.clone({ precision: 20, rounding: DecimalJs.ROUND_HALF_UP });

  it('+ is the exact decimal sum, * and / round to 20 digits, - is double subtraction (SEMANTICS §3)', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (x, y) => {
        const a = Number(x);
        const b = Number(y);
        const env = { a, b };
        expect(evaluate('{{a + b}}', env)).toBe(new Exact(String(a)).plus(String(b)).toNumber());
        expect(evaluate('{{a * b}}', env)).toBe(new Twenty(String(a)).times(String(b)).toNumber());
        if (b !== 0) expect(evaluate('{{a / b}}', env)).toBe(new Twenty(String(a)).div(String(b)).toNumber());
        expect(evaluate('{{a - b}}', env)).toBe(a - b);
      }),
      { numRuns: 500 },
    );
  });

  it('sum, average, round and trunc compute in decimal', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { minLength: 1, maxLength: 6 }), fc.integer({ min: -3, max: 6 }), (xs, k) => {
        const nums = xs.map(Number);
        const exact = nums.reduce((s, n) => s.plus(String(n)), new Exact(0));
        expect(evaluate('{{sum(x)}}', { x: nums })).toBe(exact.toNumber() || 0);
        expect(evaluate('{{average(x)}}', { x: nums })).toBe(new Twenty(exact).div(nums.length).toNumber() || 0);
        const n = nums[0] as number;
        const scale = new Exact(10).pow(k);
        const r = (mode: DecimalJs.Rounding) =>
          new Exact(String(n)).times(scale).toDecimalPlaces(0, mode).div(scale).toNumber() || 0;
        expect(evaluate('{{round(n, k)}}', { n, k })).toBe(r(DecimalJs.ROUND_HALF_UP));
        expect(evaluate('{{trunc(n, k)}}', { n, k })).toBe(r(DecimalJs.ROUND_DOWN));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sort is stable and total on mixed types', () => {
  const mixed = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 5 }),
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: 0, max: 5 }).map((t) => new Date(t)),
    fc.dictionary(fc.string({ maxLength: 2 }), fc.integer(), { maxKeys: 2 }),
  );
  const group = (v: unknown) =>
    typeof v === 'number'
      ? 0
      : v instanceof Date
        ? 1
        : typeof v === 'string'
          ? 2
          : typeof v === 'boolean'
            ? 3
            : v == null
              ? 5
              : 4;

  for (const order of ['asc', 'desc', 'asc ci', 'desc ci']) {
    it(`'${order}': a permutation, grouped, ordered within groups, stable, idempotent`, () => {
      fc.assert(
        fc.property(fc.array(fc.record({ k: mixed, i: fc.nat() }), { maxLength: 30 }), (rows) => {
          const items = rows.map((r, i) => ({ k: r.k, i }));
          const sorted = evaluate('{{sort(x, o, "k")}}', { x: items, o: order }) as Array<{ k: unknown; i: number }>;
          expect([...sorted].sort((p, q) => p.i - q.i)).toEqual(items);
          const desc = order.startsWith('desc');
          const ci = order.endsWith('ci');
          const key = (v: unknown) => (ci && typeof v === 'string' ? v.toLowerCase() : v);
          for (let j = 1; j < sorted.length; j++) {
            const [p, q] = [sorted[j - 1], sorted[j]] as [{ k: unknown; i: number }, { k: unknown; i: number }];
            const [gp, gq] = [group(p.k), group(q.k)];
            if (gq === 5 || gp === 5) {
              expect(gq === 5 || gp !== 5).toBe(true);
              if (gp === 5 && gq === 5) expect(p.i).toBeLessThan(q.i);
              continue;
            }
            expect(desc ? gp >= gq : gp <= gq).toBe(true);
            if (gp !== gq) continue;
            const [a, b] = [key(p.k), key(q.k)];
            const val = (v: unknown) => (v instanceof Date ? v.getTime() : v);
            const [va, vb] = [val(a), val(b)] as [number, number];
            const equal = gp === 4 || va === vb || (Number.isNaN(va) && Number.isNaN(vb));
            if (equal) expect(p.i).toBeLessThan(q.i);
            else if (Number.isNaN(va) || Number.isNaN(vb)) expect(Number.isNaN(desc ? va : vb)).toBe(true);
            else expect(desc ? va > vb : va < vb).toBe(true);
          }
          expect(evaluate('{{sort(x, o, "k")}}', { x: sorted, o: order })).toEqual(sorted);
        }),
        { numRuns: 300 },
      );
    });
  }
});
