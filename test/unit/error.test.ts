import { describe, expect, it } from 'vitest';
import { caretSnippet, ImlError, isImlError } from '../../src/source/error.js';
import { Source } from '../../src/source/source.js';

describe('ImlError', () => {
  it('without a position the message is the reason', () => {
    const e = new ImlError('runtime/limit', 'Too big');
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.phase, e.reason, e.message]).toEqual([
      'ImlError',
      'runtime/limit',
      'runtime',
      'Too big',
      'Too big',
    ]);
    expect([e.offset, e.line, e.column, e.path, e.bound]).toEqual([undefined, undefined, undefined, undefined, false]);
  });

  it('a span gives offset and end, not yet line and column', () => {
    const e = new ImlError('syntax/unexpected-token', 'Unexpected token ")"', { start: 13, end: 14 });
    expect([e.offset, e.end, e.line, e.bound]).toEqual([13, 14, undefined, false]);
  });

  it('bind fills line, column, snippet and the message of API.md', () => {
    const text = '{{if(body.id >) }}';
    const e = new ImlError('syntax/unexpected-token', 'Unexpected token ")"', { start: 14, end: 15 }).bind(
      new Source(text),
    );
    expect([e.line, e.column, e.offset, e.end, e.bound]).toEqual([1, 15, 14, 15, true]);
    expect(e.message).toBe('Unexpected token ")" (1:15)\n  {{if(body.id >) }}\n                ^');
  });

  it('bind takes offsets relative to a base and keeps the first binding', () => {
    const e = new ImlError('syntax/unexpected-character', 'Bad', { start: 105, end: 106 });
    e.bind(new Source('ab\ncdef'), 100);
    expect([e.offset, e.line, e.column]).toEqual([5, 2, 3]);
    e.bind(new Source('zzzzzz'), 0);
    expect([e.offset, e.line, e.column]).toEqual([5, 2, 3]);
  });

  it('the path goes after the position; withPath keeps an existing path', () => {
    const e = new ImlError('compile/arity', 'Wrong', { start: 2, end: 3 }).bind(new Source('{{x}}', '$.a'));
    expect(e.message).toBe('Wrong (1:3) at $.a\n  {{x}}\n    ^');
    expect(e.withPath('$.b').path).toBe('$.a');
    const f = new ImlError('runtime/type', 'Bad').withPath('$.c');
    expect(f.message).toBe('Bad at $.c');
  });

  it('a path option sets the path and the message at once', () => {
    const e = new ImlError('syntax/too-deep', 'Too deep', undefined, { path: '$[0]' });
    expect([e.path, e.message]).toEqual(['$[0]', 'Too deep at $[0]']);
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    expect(new ImlError('runtime/function', 'Failed', undefined, { cause }).cause).toBe(cause);
    expect('cause' in new ImlError('runtime/function', 'Failed')).toBe(false);
  });

  it('isImlError', () => {
    expect(isImlError(new ImlError('runtime/type', 'x'))).toBe(true);
    expect(isImlError(new Error('x'))).toBe(false);
    expect(isImlError({ code: 'runtime/type' })).toBe(false);
  });
});

describe('caretSnippet', () => {
  it('indents the line by two spaces and puts a caret under the column', () => {
    expect(caretSnippet('abc', 1)).toBe('  abc\n  ^');
    expect(caretSnippet('abc', 3)).toBe('  abc\n    ^');
    expect(caretSnippet('abc', 4)).toBe('  abc\n     ^');
  });

  it('keeps tabs in the caret line so the caret stays aligned', () => {
    expect(caretSnippet('\t\tx', 3)).toBe('  \t\tx\n  \t\t^');
  });

  it('blanks control characters', () => {
    expect(caretSnippet('a\u0000b\u001bc', 5)).toBe('  a b c\n      ^');
  });

  it('cuts a long line to 60 characters either side of the column, with … marks', () => {
    const line = `${'a'.repeat(100)}X${'b'.repeat(100)}`;
    const [text, caret] = caretSnippet(line, 101).split('\n') as [string, string];
    expect(text).toBe(`  …${'a'.repeat(60)}X${'b'.repeat(59)}…`);
    expect(caret).toBe(`  ${' '.repeat(61)}^`);
  });

  it('a long line cut at its start only', () => {
    const line = 'x'.repeat(130);
    expect(caretSnippet(line, 3)).toBe(`  ${'x'.repeat(62)}…\n    ^`);
  });

  it('a line of exactly 120 characters is not cut', () => {
    const line = 'y'.repeat(120);
    expect(caretSnippet(line, 120)).toBe(`  ${line}\n  ${' '.repeat(119)}^`);
  });
});
