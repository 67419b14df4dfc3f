import { describe, expect, it } from 'vitest';
import { branches } from '../../src/optimizer/branches.js';
import { customTable, envOf, shape } from '../support/optimizer.js';

describe('optimizer pass: branches (dead branches of if/ifempty/switch)', () => {
  it.each([
    ['if(true, a, b)', 'a'],
    ["if('', a, b)", 'b'],
    ['if(0, a)', 'undefined'],
    ['if(c, a, b)', 'if(c, a, b)'],
    ["ifempty('x', a)", "'x'"],
    ["ifempty('', a)", 'a'],
    ["ifempty(a, '', null, b)", 'ifempty(a, b)'],
    ["ifempty(a, 'x', b)", "ifempty(a, 'x')"],
    ["ifempty('', null)", 'null'],
    ["switch('b', 'a', 1, 'b', x, 3)", 'x'],
    ["switch(1, '1', 'one')", "'one'"],
    ["switch('z', 'a', 1, 'd')", "'d'"],
    ["switch('z', 'a', 1)", 'undefined'],
    ["switch(2, 1, 'one', k, 'k', 'd')", "switch(2, k, 'k', 'd')"],
    ["switch(s, 'a', 1)", "switch(s, 'a', 1)"],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, [branches])).toBe(want);
  });

  it('leaves custom functions named like the lazy built-ins alone', () => {
    expect(shape('if(true, a, b)', [branches], envOf({ table: customTable(['if']) }))).toBe('if(true, a, b)');
  });
});
