import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalNode } from '../../src/ir/nodes.js';
import { print } from '../../src/ir/print.js';
import { withoutSpans } from '../../src/ir/walk.js';
import { MAX_ROUNDS, optimize, PASSES, type Pass } from '../../src/optimizer/index.js';
import { parseTemplate, parseValue } from '../../src/parser/parse.js';
import { imlTemplate } from '../../src/testing/arbitraries.js';
import { envOf, shape } from '../support/optimizer.js';

describe('optimizer: passes together, to a fixpoint', () => {
  it.each([
    ["if(1 + 1 = 2, upper('a') + b[1], c)", "'A' + b.`1`"],
    ["switch(lower('B'), 'a', 1, 'b', 2)", '2'],
    ["ifempty(trim('  '), '' || x)", 'x'],
    ["true && (0 || if(false, 1, 'z'))", "'z'"],
    ['b[-1][2 - 1]', 'b.`-1`.`1`'],
  ])('%s -> %s', (src, want) => {
    expect(shape(src, PASSES)).toBe(want);
  });

  it('is idempotent', () => {
    const env = envOf();
    for (const src of ['{{a + 1 + 2}}', "{{if(x, upper('a'), b[1])}} text {{'t'}}"]) {
      const once = optimize(parseTemplate(src), env);
      expect(withoutSpans(optimize(once, env))).toStrictEqual(withoutSpans(once));
    }
  });

  it('returns the very same tree when nothing changes', () => {
    const ir = parseTemplate('{{a.b + c}}');
    expect(optimize(ir, envOf())).toBe(ir);
  });

  it('stops after MAX_ROUNDS rounds even if a pass never settles', () => {
    let calls = 0;
    const restless: Pass = (node) => {
      calls++;
      return node.kind === 'Literal' ? literalNode(node.value, node.span) : node;
    };
    const out = optimize(parseTemplate('{{1}}'), envOf(), [restless]);
    expect(print(out)).toBe('1');
    expect(calls).toBeLessThanOrEqual(MAX_ROUNDS * 16);
  });
});

// optimize(ir, env) takes a fast path (optimizeDefault) that calls the PASSES by hand; a copy of the list takes the
// generic one. They must build the same tree, so a pass added to PASSES and not to the fast path fails here.
describe('optimizer: the default passes fast path equals the generic one', () => {
  const generic = [...PASSES];
  const same = (ir: ReturnType<typeof parseTemplate>) => {
    const env = envOf();
    expect(withoutSpans(optimize(ir, env))).toStrictEqual(withoutSpans(optimize(ir, env, generic)));
  };
  const corpus = readFileSync(new URL('../corpus/valid.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');

  it('on every line of the valid corpus', () => {
    for (const line of corpus) same(parseTemplate(`{{${line}}}`));
  });

  it('on generated templates', () => {
    fc.assert(
      fc.property(imlTemplate(), (value) => same(parseValue(value).ir)),
      { numRuns: 300 },
    );
  });
});
