import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/parser/lexer.js';
import { ImlError } from '../../src/source/error.js';

/** toks returns [type, image] pairs of a lexed template. */
function toks(text: string, base = 0): Array<[string, string]> {
  return lex(text, { base, maxDepth: 256 }).map((t) => [t.tokenType.name, t.image]);
}

function lexError(text: string, maxDepth = 256): ImlError {
  try {
    lex(text, { base: 0, maxDepth });
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
  throw new Error('expected an ImlError');
}

describe('lex: text and mustaches', () => {
  it('plain text is one Text token', () => {
    expect(toks('hello }} world')).toEqual([['Text', 'hello }} world']]);
  });

  it('splits text and mustaches', () => {
    expect(toks('a {{b}} c')).toEqual([
      ['Text', 'a '],
      ['MustacheOpen', '{{'],
      ['Identifier', 'b'],
      ['MustacheClose', '}}'],
      ['Text', ' c'],
    ]);
  });

  it('a run of braces opens the mustache at its last two', () => {
    expect(toks('{{{a}}}')).toEqual([
      ['Text', '{'],
      ['MustacheOpen', '{{'],
      ['Identifier', 'a'],
      ['MustacheClose', '}}'],
      ['Text', '}'],
    ]);
  });

  it('offsets are global (base added) and endOffset is inclusive', () => {
    const [text, open, id] = lex('ab{{xyz}}', { base: 100, maxDepth: 256 }) as [IToken, IToken, IToken];
    expect([text.startOffset, text.endOffset]).toEqual([100, 101]);
    expect([open.startOffset, open.endOffset]).toEqual([102, 103]);
    expect([id.startOffset, id.endOffset]).toEqual([104, 106]);
  });

  it('skips every JS whitespace inside a mustache', () => {
    const ws = ' \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    expect(toks(`{{${ws}a${ws}}}`)).toEqual([
      ['MustacheOpen', '{{'],
      ['Identifier', 'a'],
      ['MustacheClose', '}}'],
    ]);
  });
});

describe('lex: expression tokens', () => {
  const inner = (expr: string) => toks(`{{${expr}}}`).slice(1, -1);

  it('numbers: integers, fractions, exponents', () => {
    expect(inner('12 1.5 1e3 2E-4 1.5e+2')).toEqual([
      ['NumberLiteral', '12'],
      ['NumberLiteral', '1.5'],
      ['NumberLiteral', '1e3'],
      ['NumberLiteral', '2E-4'],
      ['NumberLiteral', '1.5e+2'],
    ]);
  });

  it('a dot not followed by a digit ends the number; so does an exponent without digits', () => {
    expect(inner('1.a')).toEqual([
      ['NumberLiteral', '1'],
      ['Dot', '.'],
      ['Identifier', 'a'],
    ]);
    expect(inner('1e')).toEqual([
      ['NumberLiteral', '1'],
      ['Identifier', 'e'],
    ]);
    expect(inner('.5')).toEqual([
      ['Dot', '.'],
      ['NumberLiteral', '5'],
    ]);
  });

  it('keywords and identifiers', () => {
    expect(inner('true trueish $a _b1 emptyarray ignore')).toEqual([
      ['Keyword', 'true'],
      ['Identifier', 'trueish'],
      ['Identifier', '$a'],
      ['Identifier', '_b1'],
      ['Keyword', 'emptyarray'],
      ['Keyword', 'ignore'],
    ]);
  });

  it('strings and backtick names carry their decoded value as payload', () => {
    const tokens = lex(String.raw`{{'a\'b\n' "\u0041\d" ${'`x\\`y`'}}}`, { base: 0, maxDepth: 256 });
    expect(tokens.slice(1, -1).map((t) => [t.tokenType.name, t.payload])).toEqual([
      ['StringLiteral', "a'b\n"],
      ['StringLiteral', 'A\\d'],
      ['BacktickName', 'x`y'],
    ]);
  });

  it('operators take the longest spelling', () => {
    expect(inner('=== == = !== != ! <= < >= > ++ + - && & || | * / %').map(([t]) => t)).toEqual([
      'Equal',
      'Equal',
      'Equal',
      'NotEqual',
      'NotEqual',
      'Bang',
      'LessEqual',
      'Less',
      'GreaterEqual',
      'Greater',
      'PlusPlus',
      'Plus',
      'Minus',
      'And',
      'And',
      'Or',
      'Or',
      'Star',
      'Slash',
      'Percent',
    ]);
  });

  it('punctuation', () => {
    expect(inner('f(a, b; c)[1].d').map(([t]) => t)).toEqual([
      'Identifier',
      'LParen',
      'Identifier',
      'Comma',
      'Identifier',
      'Semicolon',
      'Identifier',
      'RParen',
      'LBracket',
      'NumberLiteral',
      'RBracket',
      'Dot',
      'Identifier',
    ]);
  });

  it('a }} inside a string does not close the mustache', () => {
    expect(toks("{{'}}'}}x").map(([t]) => t)).toEqual(['MustacheOpen', 'StringLiteral', 'MustacheClose', 'Text']);
  });
});

describe('lex: errors are never dropped', () => {
  it('an unknown character', () => {
    const e = lexError('{{a # b}}');
    expect([e.code, e.offset, e.end, e.reason]).toEqual([
      'syntax/unexpected-character',
      4,
      5,
      'Unexpected character "#"',
    ]);
  });

  it('names invisible characters by code point', () => {
    expect(lexError('{{\u0007}}').reason).toBe('Unexpected character U+0007');
    expect(lexError('{{\u200b}}').reason).toBe('Unexpected character U+200B');
    expect(lexError('{{\ufffe}}').reason).toBe('Unexpected character U+FFFE');
    expect(lexError('{{😀}}').reason).toBe('Unexpected character "😀"');
  });

  it('an unclosed mustache points at its {{', () => {
    const e = lexError('ab {{ c');
    expect([e.code, e.offset, e.end]).toEqual(['syntax/unclosed-mustache', 3, 5]);
  });

  it('an unterminated string points at its quote', () => {
    const e = lexError("{{ 'abc");
    expect([e.code, e.offset]).toEqual(['syntax/unterminated-string', 3]);
  });

  it('nesting deeper than maxDepth while lexing, counting open parentheses and brackets', () => {
    expect(lexError('{{(([1]))}}', 2).code).toBe('syntax/too-deep');
    expect(lexError('{{(([1]))}}', 2).offset).toBe(4);
    expect(() => lex('{{(1)(1)(1)[1][1]}}', { base: 0, maxDepth: 1 })).not.toThrow();
  });

  it('unbalanced closers do not make the depth negative', () => {
    expect(() => lex('{{))))((}}', { base: 0, maxDepth: 2 })).not.toThrow();
    expect(lexError('{{))))(((}}', 2).code).toBe('syntax/too-deep');
  });
});
