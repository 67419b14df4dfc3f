import { describe, expect, it } from 'vitest';
import { SUITES } from '../../bench/suites/index.js';
import type { Suite } from '../../bench/suites/types.js';
import { firstDifference, verify } from '../../bench/verify.js';

// The correctness gate of `npm run bench`: every engine of every suite row must compute what the hand-written
// baseline computes, on the row's inputs and the suite's extra check inputs, before anything is timed. No timing here.
const rows = SUITES.flatMap((suite) => suite.shapes.map((shapes) => [suite.name, shapes, suite] as const));

describe('bench suites: every engine equals the baseline', () => {
  it.each(rows)('%s with %i shape(s)', async (_name, shapes, suite) => {
    await expect(verify(suite, shapes)).resolves.toBeUndefined();
  });

  it('covers W1-W5, the three webhook examples, compiling a spec and evaluate()', () => {
    expect(SUITES.map((s) => s.name)).toEqual([
      'W1',
      'W2',
      'W3',
      'W4',
      'W5',
      'slack',
      'stripe',
      'batch',
      'spec',
      'evaluate',
    ]);
    for (const s of SUITES) {
      const engines = [s.baseline, ...s.cases].map((c) => c.engine);
      for (const e of ['js', 'vm', 'vm -O0', 'reference', 'cel-js', 'jsonata', 'filtrex']) expect(engines).toContain(e);
    }
  });

  it('runs W1-W4 and the webhook suites with 1 and 16 object shapes', () => {
    for (const name of ['W1', 'W2', 'W3', 'W4', 'slack', 'stripe', 'batch']) {
      expect(SUITES.find((s) => s.name === name)?.shapes).toEqual([1, 16]);
    }
  });
});

describe('the gate fails', () => {
  const base: Suite = {
    name: 'fake',
    title: 'n + 1',
    unit: 'ops',
    shapes: [1],
    inputs: () => [{ n: 1 }, { n: 2 }],
    baseline: { engine: 'js', kind: 'baseline', prepare: () => (x) => (x as { n: number }).n + 1 },
    cases: [],
  };

  it('when a peer computes something else', async () => {
    const wrong: Suite = {
      ...base,
      cases: [{ engine: 'peer', kind: 'peer', prepare: () => (x) => ((x as { n: number }).n === 2 ? 4 : 2) }],
    };
    await expect(verify(wrong, 1)).rejects.toThrow('peer vs js on check input 1: $: 4 vs 3');
  });

  it('when a peer returns a BigInt (cel-js integers) where JS returns a number', async () => {
    const big: Suite = {
      ...base,
      cases: [{ engine: 'cel', kind: 'peer', prepare: () => (x) => BigInt((x as { n: number }).n + 1) }],
    };
    await expect(verify(big, 1)).rejects.toThrow(/cel: threw .*BigInt/);
  });

  it('when an async peer resolves to something else', async () => {
    const later: Suite = { ...base, cases: [{ engine: 'async', kind: 'peer', prepare: () => async () => 0 }] };
    await expect(verify(later, 1)).rejects.toThrow('async vs js on check input 0: $: 0 vs 2');
  });

  it('when the baseline disagrees with the expected results', async () => {
    const expected: Suite = { ...base, expected: () => [{ input: { n: 1 }, want: 3 }] };
    await expect(verify(expected, 1)).rejects.toThrow('baseline vs expected result: $: 2 vs 3');
  });
});

describe('firstDifference', () => {
  it('names the first differing path, and compares numbers to 12 digits only when asked', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b: 2 vs 3');
    expect(firstDifference({ t: 63.6 }, { t: 63.599999999999994 })).toBe('$.t: 63.6 vs 63.599999999999994');
    expect(firstDifference({ t: 63.6 }, { t: 63.599999999999994 }, true)).toBeUndefined();
    expect(firstDifference({ t: 63.6 }, { t: 63.61 }, true)).toBe('$.t: 63.6 vs 63.61');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('$.b: undefined vs 2');
  });
});
