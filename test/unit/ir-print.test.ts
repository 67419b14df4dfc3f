import { describe, expect, it } from 'vitest';
import {
  arrayNode,
  binaryNode,
  callNode,
  type IrNode,
  identNode,
  indexNode,
  literalNode,
  logicalNode,
  memberNode,
  objectNode,
  templateNode,
  unaryNode,
} from '../../src/ir/nodes.js';
import { dumpIr, PRECEDENCE, print, printTemplate, printValue, quoteString } from '../../src/ir/print.js';
import { withoutSpans } from '../../src/ir/walk.js';
import { parseTemplate, parseValue } from '../../src/parser/parse.js';

const at = { start: 0, end: 0 };
const lit = (v: string | number | boolean | null | undefined) => literalNode(v, at);
const id = (n: string) => identNode(n, at);
const bin = (op: Parameters<typeof binaryNode>[0], l: IrNode, r: IrNode) => binaryNode(op, l, r, at);
const reparse = (node: IrNode) => withoutSpans(parseTemplate(`{{${print(node)}}}`));

describe('PRECEDENCE follows the SEMANTICS §2 table', () => {
  it('levels from loosest to tightest', () => {
    const levels = [['||'], ['&&'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-', '++'], ['*', '/', '%']];
    levels.forEach((ops, i) => {
      for (const op of ops) expect(PRECEDENCE[op], op).toBe(i + 1);
    });
    expect(Object.keys(PRECEDENCE).sort()).toEqual(levels.flat().sort());
  });
});

describe('print', () => {
  it('writes the fewest parentheses', () => {
    expect(print(bin('*', bin('+', lit(1), lit(2)), lit(3)))).toBe('(1 + 2) * 3');
    expect(print(bin('+', lit(1), bin('*', lit(2), lit(3))))).toBe('1 + 2 * 3');
    expect(print(bin('-', bin('-', lit(1), lit(2)), lit(3)))).toBe('1 - 2 - 3');
    expect(print(bin('-', lit(1), bin('-', lit(2), lit(3))))).toBe('1 - (2 - 3)');
    expect(print(bin('+', lit(1), bin('++', lit(2), lit(3))))).toBe('1 + (2 ++ 3)');
    expect(print(logicalNode('&&', logicalNode('||', id('a'), id('b'), at), id('c'), at))).toBe('(a || b) && c');
    expect(print(memberNode(bin('+', id('a'), id('b')), 'c', at))).toBe('(a + b).c');
    expect(print(unaryNode('-', bin('*', id('a'), id('b')), at))).toBe('-(a * b)');
    expect(print(unaryNode('!', memberNode(id('a'), 'b', at), at))).toBe('!a.b');
    expect(print(memberNode(unaryNode('-', id('a'), at), 'b', at))).toBe('(-a).b');
  });

  it('canonical spellings: single quotes, =, &&, ||, comma separators', () => {
    expect(print(parseTemplate('{{f(a; "b") == c & d | e !== g}}'))).toBe("f(a, 'b') = c && d || e != g");
  });

  it('quotes strings with canonical escapes', () => {
    expect(quoteString("it's \\ \n\r\t")).toBe("'it\\'s \\\\ \\n\\r\\t'");
    expect(quoteString('\u0001\u007f\u2028')).toBe("'\\u0001\\u007f\\u2028'");
    expect(quoteString('a"b')).toBe(`'a"b'`);
    expect(quoteString('a`b', '`')).toBe('`a\\`b`');
  });

  it('members: identifier names plain, any other name in backticks', () => {
    expect(print(memberNode(id('a'), 'b_1', at))).toBe('a.b_1');
    expect(print(memberNode(id('a'), 'true', at))).toBe('a.true');
    expect(print(memberNode(id('a'), 'a b', at))).toBe('a.`a b`');
    expect(print(memberNode(id('a'), '1x', at))).toBe('a.`1x`');
    expect(print(memberNode(id('a'), '', at))).toBe('a.``');
  });

  it('index, call, keywords', () => {
    expect(print(indexNode(id('a'), null, at))).toBe('a[]');
    expect(print(indexNode(id('a'), unaryNode('-', lit(1), at), at))).toBe('a[-1]');
    expect(print(callNode('f', [], at))).toBe('f()');
    expect(print(arrayNode([], at))).toBe('emptyarray');
    expect([lit(null), lit(undefined), lit(true)].map(print)).toEqual(['null', 'undefined', 'true']);
  });

  it('arrays and objects, which have no expression syntax, print in a debug form', () => {
    expect(print(arrayNode([lit(1), id('a')], at))).toBe('[1, a]');
    const entries = [
      { key: 'a b', value: lit(1), spread: false },
      { key: '{{...}}', value: id('b'), spread: true },
    ];
    expect(print(objectNode(entries, at))).toBe('{"a b": 1, ...: b}');
  });

  it('numbers a parse can produce print back to themselves', () => {
    for (const n of [0, 1.5, 1e21, 1e-7, 12345678901234567000, Number.POSITIVE_INFINITY]) {
      expect(reparse(lit(n)), String(n)).toEqual(withoutSpans(lit(n)));
    }
    expect(print(lit(Number.POSITIVE_INFINITY))).toBe('1e400');
  });

  it('numbers no parse produces print as equivalent expressions', () => {
    expect(print(lit(Number.NaN))).toBe('(0 / 0)');
    expect(print(lit(Number.NEGATIVE_INFINITY))).toBe('-1e400');
    expect(print(lit(-0))).toBe('-0');
    expect(print(lit(-2))).toBe('-2');
    expect(print(memberNode(lit(-2), 'x', at))).toBe('(-2).x');
    expect(print(bin('-', lit(1), lit(-2)))).toBe('1 - -2');
  });

  it('+ of an operand starting with + keeps them apart', () => {
    const node = unaryNode('+', unaryNode('+', id('a'), at), at);
    expect(print(node)).toBe('+ +a');
    expect(reparse(node)).toEqual(withoutSpans(node));
  });
});

describe('printTemplate and printValue', () => {
  it('text stays text, expressions get mustaches', () => {
    expect(printTemplate(lit('plain'))).toBe('plain');
    expect(printTemplate(lit('has {{ braces'))).toBe("{{'has {{ braces'}}");
    expect(printTemplate(id('a'))).toBe('{{a}}');
    expect(printTemplate(templateNode([lit('x'), id('a'), lit('y')], at))).toBe('x{{a}}y');
  });

  it('string parts that were not text keep their mustaches', () => {
    expect(printTemplate(templateNode([lit(''), lit('\u0000')], at))).toBe("{{''}}\u0000");
    expect(printTemplate(templateNode([lit('a'), lit('b'), id('c')], at))).toBe("a{{'b'}}{{c}}");
  });

  it('a one-part template stays text', () => {
    expect(printTemplate(templateNode([id('a')], at))).toBe("{{a}}{{''}}");
  });

  it('printValue writes JSON with template strings; spread and __proto__ keys kept as own keys', () => {
    const { ir } = parseValue(JSON.parse('{"a": [1, "{{b}}", null], "{{...}}": "{{c}}", "__proto__": "x{{d}}"}'));
    const out = printValue(ir) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a', '{{...}}', '__proto__']);
    expect(out.a).toEqual([1, '{{b}}', null]);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('x{{d}}');
    expect(printValue(lit(Number.NaN))).toBe('{{(0 / 0)}}');
    expect(printValue(lit(undefined))).toBe('{{undefined}}');
  });
});

describe('dumpIr', () => {
  it('writes one node per line with kind, payload and span', () => {
    expect(dumpIr(parseTemplate('{{a.b + f(1)}}'))).toBe(
      [
        'Binary + @2..12',
        '  Member "b" @2..5',
        '    Ident a @2..3',
        '  Call f @8..12',
        '    Literal 1 @10..11',
        '',
      ].join('\n'),
    );
  });
});
