import { describe, expect, it } from 'vitest';
import { print, printTemplate } from '../../src/ir/print.js';
import { optimize } from '../../src/optimizer/index.js';
import { template } from '../../src/optimizer/template.js';
import { parseTemplate } from '../../src/parser/parse.js';
import { envOf } from '../support/optimizer.js';

function tpl(src: string, maxStringLength?: number): string {
  const env = envOf({ limits: maxStringLength === undefined ? {} : { maxStringLength } });
  const node = optimize(parseTemplate(src), env, [template]);
  return node.kind === 'Literal' ? `literal ${print(node)}` : printTemplate(node);
}

describe('optimizer pass: template (merge constant parts)', () => {
  it.each([
    ["a{{'b'}}c", "literal 'abc'"],
    ['n={{1}}{{null}}{{true}}', "literal 'n=1true'"],
    ["{{'x'}}{{a}}{{'y'}}{{2}}", 'x{{a}}y2'],
    ['{{a}}{{b}}', '{{a}}{{b}}'],
  ])('%s -> %s', (src, want) => {
    expect(tpl(src)).toBe(want);
  });

  it('keeps a constant template longer than maxStringLength, for the run to report', () => {
    const node = optimize(parseTemplate("ab{{'cd'}}"), envOf({ limits: { maxStringLength: 3 } }), [template]);
    expect(node.kind).toBe('Template');
  });
});
