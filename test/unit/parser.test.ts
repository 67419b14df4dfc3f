import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IrNode } from '../../src/ir/nodes.js';
import { print } from '../../src/ir/print.js';
import { withoutSpans } from '../../src/ir/walk.js';
import { childPath, parseTemplate, parseValue } from '../../src/parser/parse.js';
import { ImlError } from '../../src/source/error.js';
import { checkTemplate } from '../support/front-end.js';

const corpus = (name: string) =>
  readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');

const expr = (text: string) => parseTemplate(`{{${text}}}`);
const shape = (text: string) => withoutSpans(expr(text));
const L = (value: unknown) => ({ kind: 'Literal', span: { start: 0, end: 0 }, value });
const I = (name: string) => ({ kind: 'Ident', span: { start: 0, end: 0 }, name });
const B = (op: string, left: unknown, right: unknown) => ({
  kind: 'Binary',
  span: { start: 0, end: 0 },
  op,
  left,
  right,
});

describe('parseTemplate: template shapes (SEMANTICS §1)', () => {
  it('text without {{ is one Literal spanning the text', () => {
    expect(parseTemplate('hi }}', { base: 10 })).toEqual({
      kind: 'Literal',
      span: { start: 10, end: 15 },
      value: 'hi }}',
    });
  });

  it('the empty string is an empty Literal', () => {
    expect(parseTemplate('')).toEqual({ kind: 'Literal', span: { start: 0, end: 0 }, value: '' });
  });

  it('a lone mustache is the expression itself (typed)', () => {
    expect(parseTemplate(' {{a}}').kind).toBe('Template');
    expect(parseTemplate('{{ a }}')).toEqual({ kind: 'Ident', span: { start: 3, end: 4 }, name: 'a' });
  });

  it('text and mustaches make a Template of parts in order', () => {
    expect(withoutSpans(parseTemplate('x{{a}}{{1}}y'))).toEqual({
      kind: 'Template',
      span: { start: 0, end: 0 },
      parts: [L('x'), I('a'), L(1), L('y')],
    });
  });

  it('the Template spans the whole text, at the given base', () => {
    expect(parseTemplate('x{{a}}', { base: 7 }).span).toEqual({ start: 7, end: 13 });
  });
});

describe('parseTemplate: expressions (SEMANTICS §2)', () => {
  it('spellings of one operator give one IR operator', () => {
    expect(shape('a == b')).toEqual(shape('a = b'));
    expect(shape('a === b')).toEqual(shape('a = b'));
    expect(shape('a !== b')).toEqual(shape('a != b'));
    expect(shape('a & b')).toEqual(shape('a && b'));
    expect(shape('a | b')).toEqual(shape('a || b'));
    expect(shape('a && b').kind).toBe('Logical');
    expect(shape('a = b').kind).toBe('Binary');
  });

  it('precedence and left associativity', () => {
    expect(shape('1 + 2 * 3')).toEqual(B('+', L(1), B('*', L(2), L(3))));
    expect(shape('1 - 2 - 3')).toEqual(B('-', B('-', L(1), L(2)), L(3)));
    expect(shape('1 < 2 = 3 > 4')).toEqual(B('=', B('<', L(1), L(2)), B('>', L(3), L(4))));
    expect(print(expr('a || b && c = d < e + f * g'))).toBe('a || b && c = d < e + f * g');
    expect(print(expr('((a || b) && c) = d'))).toBe('((a || b) && c) = d');
    expect(print(expr('(a || (b && c)) = (d)'))).toBe('(a || b && c) = d');
  });

  it('prefix operators apply after the postfix chain: -a.b is -(a.b)', () => {
    expect(shape('-a.b')).toEqual({
      kind: 'Unary',
      span: { start: 0, end: 0 },
      op: '-',
      operand: { kind: 'Member', span: { start: 0, end: 0 }, object: I('a'), name: 'b' },
    });
  });

  it('keywords become literals; emptyarray an empty Array node', () => {
    expect(shape('erase')).toEqual(L(null));
    expect(shape('ignore')).toEqual(L(undefined));
    expect(shape('nbsp')).toEqual(L('\u00a0'));
    expect(shape('emptyarray')).toEqual({ kind: 'Array', span: { start: 0, end: 0 }, items: [] });
  });

  it('index forms: [expr] and []', () => {
    expect(shape('a[]')).toEqual({ kind: 'Index', span: { start: 0, end: 0 }, object: I('a'), index: null });
    expect(shape("a['x']")).toEqual({ kind: 'Index', span: { start: 0, end: 0 }, object: I('a'), index: L('x') });
  });

  it('spans: calls start at the name, chains at their root, binaries from left to right', () => {
    const call = expr('  upper(x) ');
    expect(call.span).toEqual({ start: 4, end: 12 });
    expect(expr('a.b[1]').span).toEqual({ start: 2, end: 8 });
    expect(expr('a + bc').span).toEqual({ start: 2, end: 8 });
    expect(expr('-a').span).toEqual({ start: 2, end: 4 });
  });

  it('the parser instance is reused: a failed parse leaves nothing behind', () => {
    expect(() => expr('1 +')).toThrow(ImlError);
    expect(shape('1 + 2')).toEqual(B('+', L(1), L(2)));
  });
});

describe('parseValue (SEMANTICS §1)', () => {
  it('walks arrays and objects and marks the spread key', () => {
    const { ir } = parseValue({ a: ['x', 1, null, true], '{{...}}': '{{b}}' });
    expect(withoutSpans(ir)).toEqual({
      kind: 'Object',
      span: { start: 0, end: 0 },
      entries: [
        {
          key: 'a',
          spread: false,
          value: { kind: 'Array', span: { start: 0, end: 0 }, items: [L('x'), L(1), L(null), L(true)] },
        },
        { key: '{{...}}', spread: true, value: I('b') },
      ],
    });
  });

  it('gives each string its own base so one global offset finds the string', () => {
    const { ir, sources } = parseValue(['{{a}}', '{{bb}}']);
    const [first, second] = (ir as IrNode & { kind: 'Array' }).items as [IrNode, IrNode];
    expect(first.span).toEqual({ start: 2, end: 3 });
    expect(second.span).toEqual({ start: 8, end: 10 });
    expect(sources.sources.map((s) => s.path)).toEqual(['$[0]', '$[1]']);
  });

  it('rejects values a template cannot hold, with the path', () => {
    const err = (() => {
      try {
        parseValue({ when: new Date(0) });
      } catch (e) {
        return e as ImlError;
      }
    })();
    expect(err).toBeInstanceOf(ImlError);
    expect(err?.path).toBe('$.when');
  });

  it('childPath writes identifier keys with a dot and others in brackets', () => {
    expect(childPath('$', 'a')).toBe('$.a');
    expect(childPath('$', 'a b')).toBe('$["a b"]');
    expect(childPath('$.x', 3)).toBe('$.x[3]');
    expect(childPath('$', '__proto__')).toBe('$.__proto__');
    expect(childPath('$', '1a')).toBe('$["1a"]');
  });
});

describe('corpus', () => {
  const valid = corpus('valid.txt');
  const invalid = corpus('invalid.txt');

  it('has enough lines to matter', () => {
    expect(valid.length).toBeGreaterThan(50);
    expect(invalid.length).toBeGreaterThan(50);
  });

  for (const line of valid) {
    it(`valid: ${line}`, () => {
      const ir = checkTemplate(`{{${line}}}`);
      expect(withoutSpans(expr(print(ir)))).toEqual(withoutSpans(ir));
    });
  }

  for (const line of invalid) {
    it(`invalid: ${line}`, () => {
      let err: unknown;
      try {
        checkTemplate(`{{${line}}}`);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImlError);
      expect((err as ImlError).code).toMatch(/^(syntax|compile)\//);
    });
  }
});
