import { describe, expect, it } from 'vitest';
import { fold } from '../../src/optimizer/fold.js';
import { parseTemplate } from '../../src/parser/parse.js';
import { envOf, shape } from '../support/optimizer.js';

describe('optimizer pass: fold (operators with constant operands)', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['0.1 + 0.2', '0.3'],
    ["'a' + 1", "'a1'"],
    ['null + null', 'null'],
    ['-(2)', '-2'],
    ['!0', 'true'],
    ["+'12'", '12'],
    ['1 / 0', '1e400'],
    ['0 / 0', '(0 / 0)'],
    ["'3' ++ 4", '7'],
    ["10 % 4 - '1'", '1'],
    ["1 = '1'", 'true'],
    ["1 != '1'", 'false'],
    ["'a' < 'b'", 'true'],
    ['2 >= 3', 'false'],
    ['a + 1 * 2', 'a + 2'],
    ['a + 1 + 2', 'a + 1 + 2'],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, [fold])).toBe(want);
  });

  it('folds equality by the strictEquality option', () => {
    expect(shape("1 = '1'", [fold], envOf({ strictEquality: true }))).toBe('false');
  });

  it('keeps a fold that would break a limit, for the run to report', () => {
    expect(shape("'ab' + 'cd'", [fold], envOf({ limits: { maxStringLength: 3 } }))).toBe("'ab' + 'cd'");
  });

  it('keeps the span of the folded node', () => {
    const node = fold(parseTemplate('{{ 1 + 2 }}'), envOf());
    expect(node).toMatchObject({ kind: 'Literal', value: 3, span: { start: 3, end: 8 } });
  });
});
