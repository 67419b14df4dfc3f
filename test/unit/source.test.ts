import { describe, expect, it } from 'vitest';
import { ImlError } from '../../src/source/error.js';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/source/limits.js';
import { Source } from '../../src/source/source.js';
import { SourceSet } from '../../src/source/source-set.js';
import { span } from '../../src/source/span.js';

describe('Source', () => {
  const src = new Source('ab\ncd\r\n\nlast');

  it('posAt returns 1-based line and column of an offset', () => {
    expect(src.posAt(0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(src.posAt(2)).toEqual({ offset: 2, line: 1, column: 3 });
    expect(src.posAt(3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(src.posAt(8)).toEqual({ offset: 8, line: 4, column: 1 });
    expect(src.posAt(11)).toEqual({ offset: 11, line: 4, column: 4 });
  });

  it('posAt clamps offsets outside the text', () => {
    expect(src.posAt(-5)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(src.posAt(999)).toEqual({ offset: 12, line: 4, column: 5 });
  });

  it('lineText returns a line without its line break (LF or CRLF)', () => {
    expect(src.lineText(1)).toBe('ab');
    expect(src.lineText(2)).toBe('cd');
    expect(src.lineText(3)).toBe('');
    expect(src.lineText(4)).toBe('last');
    expect(src.lineText(9)).toBe('');
  });

  it('an empty text is one empty line', () => {
    const empty = new Source('');
    expect(empty.posAt(0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(empty.lineText(1)).toBe('');
  });

  it('columns count UTF-16 code units', () => {
    expect(new Source('😀x').posAt(2)).toEqual({ offset: 2, line: 1, column: 3 });
  });

  it('keeps the path it was given', () => {
    expect(new Source('x', '$.a').path).toBe('$.a');
  });
});

describe('SourceSet', () => {
  it('gives every text a base past the previous one', () => {
    const set = new SourceSet();
    expect(set.add('abc')).toBe(0);
    expect(set.add('de', '$[1]')).toBe(4);
    expect(set.add('')).toBe(7);
    expect(set.add('f')).toBe(8);
  });

  it('bind positions an error in the text its offset falls into', () => {
    const set = new SourceSet();
    set.add('{{a}}', '$[0]');
    const base = set.add('x\n{{#}}', '$[1]');
    const e = set.bind(
      new ImlError('syntax/unexpected-character', 'Unexpected character "#"', span(base + 4, base + 5)),
    );
    expect([e.line, e.column, e.offset, e.path]).toEqual([2, 3, 4, '$[1]']);
    expect(e.message).toBe('Unexpected character "#" (2:3) at $[1]\n  {{#}}\n    ^');
  });

  it('bind leaves an error without an offset alone', () => {
    const set = new SourceSet();
    set.add('abc');
    const e = new ImlError('runtime/limit', 'too big');
    expect(set.bind(e).message).toBe('too big');
    expect(e.line).toBeUndefined();
  });
});

describe('limits', () => {
  it('DEFAULT_LIMITS are those of SEMANTICS §8', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxTemplateLength: 1_048_576,
      maxDepth: 256,
      maxSteps: 10_000_000,
      maxStringLength: 16 * 1024 * 1024,
      maxArrayLength: 1_000_000,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('resolveLimits overrides with every non-negative number (NaN and negatives ignored), later ones winning', () => {
    expect(resolveLimits({ maxDepth: 3 }, undefined, { maxDepth: 5, maxSteps: 0 })).toEqual({
      ...DEFAULT_LIMITS,
      maxDepth: 5,
      maxSteps: 0,
    });
    expect(resolveLimits({ maxDepth: -1, maxSteps: Number.NaN })).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxSteps: Number.POSITIVE_INFINITY }).maxSteps).toBe(Number.POSITIVE_INFINITY);
  });
});
