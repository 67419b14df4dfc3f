// Property: the canonical printing of any parsed expression (and of any IML value) parses back to the same IR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { print, printValue } from '../../src/ir/print.js';
import { withoutSpans } from '../../src/ir/walk.js';
import { parseTemplate, parseValue } from '../../src/parser/parse.js';
import { imlExpression, imlTemplate } from '../../src/testing/index.js';

describe('roundtrip', () => {
  it('print(parse(e)) parses back to the same IR for any generated expression', () => {
    fc.assert(
      fc.property(imlExpression({ maxDepth: 4 }), (text) => {
        const ir = parseTemplate(`{{${text}}}`);
        const printed = print(ir);
        const again = parseTemplate(`{{${printed}}}`);
        expect(withoutSpans(again)).toEqual(withoutSpans(ir));
        // Printing is canonical: the printed text prints to itself.
        expect(print(again)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('printValue(parseValue(t)) parses back to the same IR for any generated template', () => {
    fc.assert(
      fc.property(imlTemplate(), (template) => {
        const { ir } = parseValue(template);
        const again = parseValue(printValue(ir)).ir;
        expect(withoutSpans(again)).toEqual(withoutSpans(ir));
      }),
      { numRuns: 300 },
    );
  });

  it('whitespace between tokens never changes the IR', () => {
    const plain = imlExpression({ whitespace: false, maxDepth: 3 });
    fc.assert(
      fc.property(plain, (text) => {
        const ir = parseTemplate(`{{${text}}}`);
        expect(withoutSpans(parseTemplate(`{{ \n${print(ir)}\t }}`))).toEqual(withoutSpans(ir));
      }),
      { numRuns: 200 },
    );
  });
});
