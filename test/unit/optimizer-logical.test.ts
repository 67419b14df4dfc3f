import { describe, expect, it } from 'vitest';
import { logical } from '../../src/optimizer/logical.js';
import { shape } from '../support/optimizer.js';

describe('optimizer pass: logical (constant left operand decides)', () => {
  it.each([
    ['true && a', 'a'],
    ['0 && a', '0'],
    ["'' || a", 'a'],
    ["'x' || a", "'x'"],
    ['null || a && b', 'a && b'],
    ['a && true', 'a && true'],
    ['a || 1', 'a || 1'],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, [logical])).toBe(want);
  });
});
