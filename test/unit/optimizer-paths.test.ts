import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { paths } from '../../src/optimizer/paths.js';
import { shape } from '../support/optimizer.js';

describe('optimizer pass: paths (constant indexes join the member chain)', () => {
  it.each([
    ['a[1]', 'a.`1`'],
    ['a[-1].b', 'a[-1].b'], // `-1` is a negation until fold runs (see optimizer-index)
    ["a['b c']", 'a.`b c`'],
    ['a[1.5]', 'a.`1.5`'],
    ['a[x]', 'a[x]'],
    ['a[true]', 'a[true]'],
    ['a[]', 'a[]'],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, [paths])).toBe(want);
  });

  it('reads the same element or property as the index it replaces', () => {
    const env = { a: [10, 20, 30], o: { '1': 'one', '1.5': 'x', '-1': 'm', '0': 'z' } };
    for (const idx of ['1', '-1', '0', '1.5', '3', '4', '-0', '1e21', "'2'", "'-1'", "'01'"]) {
      for (const root of ['a', 'o']) {
        const src = `{{${root}[${idx}]}}`;
        expect(evaluate(src, env), src).toStrictEqual(evaluate(src, env, { optimize: false }));
      }
    }
  });
});
