// reference == VM -O0 == VM -O1 on generated programs and contexts (issue 3): values, error codes and offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { imlContext, imlTemplate } from '../../src/testing/arbitraries.js';
import { differential, type Engine, outcome, sameOutcome, sameValue } from '../../src/testing/differential.js';

const RUNS = Number(process.env.DIFF_RUNS ?? 1000);

function engines(options: CompileOptions = {}): Record<'reference' | 'O0' | 'O1', Engine> {
  return {
    reference: (t, c, o) => compileReference(t, options).run(c, o),
    O0: (t, c, o) => compile(t, { ...options, optimize: false }).run(c, o),
    O1: (t, c, o) => compile(t, { ...options, optimize: true }).run(c, o),
  };
}

describe('differential: reference == VM -O0 == VM -O1', () => {
  const e = engines();
  it('VM -O1 agrees with the reference interpreter', () => {
    fc.assert(differential(e.reference, e.O1), { numRuns: RUNS });
  });
  it('VM -O0 agrees with the reference interpreter', () => {
    fc.assert(differential(e.reference, e.O0), { numRuns: RUNS });
  });
  it('with strictEquality, on exotic contexts (Dates, buffers, class instances, functions)', () => {
    const s = engines({ strictEquality: true });
    fc.assert(differential(s.reference, s.O1, { contexts: imlContext({ exotic: true }) }), { numRuns: RUNS / 2 });
  });
  it('on deeper JSON templates', () => {
    fc.assert(differential(e.reference, e.O1, { templates: imlTemplate({ valueDepth: 3, maxEntries: 5 }) }), {
      numRuns: RUNS / 4,
    });
  });
});

describe('differential harness', () => {
  it('compares values deeply: Dates by time, NaN equal, -0 and 0 different, key order significant', () => {
    expect(sameValue([1, { a: new Date(5) }], [1, { a: new Date(5) }])).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue(-0, 0)).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
  });
  it('reports engines that disagree on values, on errors, or throw something else', () => {
    const value: Engine = () => 1;
    const other: Engine = () => 2;
    const typeError: Engine = () => compile('{{if(}}').run({});
    const crash: Engine = () => {
      throw new TypeError('boom');
    };
    expect(sameOutcome(outcome(value, '', {}), outcome(value, '', {}))).toBeUndefined();
    expect(sameOutcome(outcome(value, '', {}), outcome(other, '', {}))).toMatch(/different values/);
    expect(sameOutcome(outcome(value, '', {}), outcome(typeError, '', {}))).toMatch(/engine b threw/);
    expect(sameOutcome(outcome(crash, '', {}), outcome(crash, '', {}))).toMatch(/non-ImlError/);
    const result = fc.check(differential(value, other), { numRuns: 5 });
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/different values/);
  });
});
