import { describe, expect, it } from 'vitest';
import { calls } from '../../src/optimizer/calls.js';
import { FoldContext } from '../../src/optimizer/index.js';
import { resolveLimits } from '../../src/source/limits.js';
import { customTable, envOf, shape } from '../support/optimizer.js';

describe('optimizer pass: calls (pure built-ins with constant arguments)', () => {
  it.each([
    ["upper('abc')", "'ABC'"],
    ["length('abc')", '3'],
    ["trim('  x ')", "'x'"],
    ["lower(upper('Ab'))", "'ab'"],
    ['upper(a)', 'upper(a)'],
    ["split('a,b', ',')", "split('a,b', ',')"],
    ["parseJSON('{')", "parseJSON('{')"],
    ["shuffle('a')", "shuffle('a')"],
    ["formatDate('2020-01-01', 'YYYY')", "formatDate('2020-01-01', 'YYYY')"],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, [calls])).toBe(want);
  });

  it('never folds a custom function, even one that overrides a built-in', () => {
    expect(shape("upper('a')", [calls], envOf({ table: customTable(['upper']) }))).toBe("upper('a')");
  });

  it('folds with a context that refuses per-run state', () => {
    const ctx = new FoldContext(resolveLimits());
    expect(ctx.limits.maxSteps).toBeGreaterThan(0);
    expect(() => ctx.now).toThrow();
    expect(() => ctx.timezone).toThrow();
    expect(() => ctx.random()).toThrow();
    expect(() => ctx.functionThis).toThrow();
    expect(() => ctx.executionId).toThrow();
  });
});
