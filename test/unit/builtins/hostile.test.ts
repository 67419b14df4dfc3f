// Hostile values (FUNCTIONS.md §0.3 "deep values", SEMANTICS §8): functions that walk values finish or raise
// runtime/limit on a 100 000-level value, cyclic embedder objects finish or raise runtime/type, and results past
// maxStringLength / maxArrayLength raise runtime/limit without building huge intermediates.
import { describe, expect, it } from 'vitest';
import { evaluate, type RunOptions } from '../../../src/index.js';
import { catchError } from '../../support/cases.js';

const DEPTH = 100_000;

function deepArray(): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < DEPTH; i++) v = [v];
  return v;
}

function deepObject(): Record<string, unknown> {
  let v: Record<string, unknown> = { end: true };
  for (let i = 0; i < DEPTH; i++) v = { a: v };
  return v;
}

/** finishesOrLimit asserts a template either returns or raises exactly runtime/limit (never a JS stack overflow). */
function finishesOrLimit(src: string, env: Record<string, unknown>): void {
  try {
    evaluate(src, env);
  } catch (e) {
    expect((e as { code?: string }).code).toBe('runtime/limit');
  }
}

describe('a 100 000-level nested value', () => {
  const env = { deep: deepArray(), deep2: deepArray(), obj: deepObject() };
  const limited = [
    '{{createJSON(deep)}}',
    '{{createJSON(obj)}}',
    '{{toString(obj)}}',
    '{{toString(deep)}}',
    '{{lower(obj)}}',
    '{{join(deep)}}',
    '{{distinct(add(deep, deep2))}}',
    '{{deduplicate(add(obj, obj))}}',
    '{{contains(add(emptyarray, deep), deep2)}}',
    '{{remove(add(emptyarray, deep), deep2)}}',
    '{{arrayDiff(add(emptyarray, deep), add(emptyarray, deep2))}}',
    '{{arrayIntersect(add(emptyarray, obj), add(emptyarray, obj))}}',
    '{{md5(obj)}}',
    "{{replace(obj, 'a', 'b')}}",
    '{{base64(deep)}}',
  ];
  for (const src of limited) {
    it(`${src} raises runtime/limit`, () => {
      const e = catchError(() => evaluate(src, env));
      expect([e.code, e.line, e.column]).toEqual(['runtime/limit', 1, 3]);
    });
  }

  const finishing: Array<[string, unknown]> = [
    ['{{length(flatten(deep, 1000000))}}', 0],
    ['{{length(merge(deep, deep2))}}', 2],
    ['{{keys(obj)}}', ['a']],
    ['{{length(sort(add(deep, deep2)))}}', 2],
    ['{{length(toArray(obj))}}', 1],
    ['{{contains(add(emptyarray, deep), deep)}}', true],
    ['{{length(map(add(emptyarray, obj, obj), "a"))}}', 2],
    ['{{isArray(parseJSON(deep))}}', true],
    ['{{length(pick(obj, "a"))}}', 1],
    ['{{length(deep)}}', 1],
  ];
  for (const [src, want] of finishing) {
    it(`${src} finishes`, () => expect(evaluate(src, env)).toEqual(want));
  }

  it('parseJSON of 100 000-level JSON text finishes', () => {
    const text = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    expect(evaluate('{{length(parseJSON(t))}}', { t: text })).toBe(1);
    finishesOrLimit('{{createJSON(parseJSON(t))}}', { t: text });
  });

  it('get walks a path of 100 000 segments', () => {
    const path = Array.from({ length: DEPTH }, () => 'a').join('.');
    expect(evaluate('{{get(obj, p).end}}', { obj: env.obj, p: path })).toBe(true);
  });
});

describe('cyclic values from an embedder', () => {
  const self: Record<string, unknown> = { name: 'x' };
  self.self = self;
  const loop: unknown[] = [1];
  loop.push(loop);
  const env = { self, loop };
  const typed = [
    '{{createJSON(self)}}',
    '{{toString(self)}}',
    '{{upper(loop)}}',
    '{{distinct(add(emptyarray, self))}}',
    '{{remove(loop, 2)}}',
    '{{flatten(loop, 3)}}',
    '{{contains(add(emptyarray, self), parseJSON(\'{"name":"x","self":{}}\'))}}',
  ];
  for (const src of typed) {
    it(`${src} raises runtime/type`, () => expect(catchError(() => evaluate(src, env)).code).toBe('runtime/type'));
  }
  const finishing: Array<[string, unknown]> = [
    ['{{keys(self)}}', ['name', 'self']],
    ['{{length(merge(loop, loop))}}', 4],
    ['{{length(sort(loop))}}', 2],
    ['{{contains(add(emptyarray, self), self)}}', true],
    ['{{get(self, "self.self.self.name")}}', 'x'],
    ['{{length(toArray(self))}}', 2],
    ['{{first(loop)}}', 1],
  ];
  for (const [src, want] of finishing) {
    it(`${src} finishes`, () => expect(evaluate(src, env)).toEqual(want));
  }
});

describe('size limits', () => {
  const options: RunOptions = { limits: { maxStringLength: 1000, maxArrayLength: 100 } };
  const big = 'a,'.repeat(5000);
  const limited: Array<[string, Record<string, unknown>]> = [
    ["{{split(big, ',')}}", { big }],
    ["{{split(big, '')}}", { big }],
    ["{{join(x, 'abc')}}", { x: Array.from({ length: 99 }, () => 'xxxxxxxxxxxxxxxxxxxx') }],
    ["{{replace('aaaa', 'a', big)}}", { big }],
    ["{{replace('aaaa', '/a/g', big)}}", { big }],
    ["{{replaceEmojiCharacters('😀😀😀😀', big)}}", { big }],
    ['{{formatDate(now, f)}}', { f: 'LLLL '.repeat(100) }],
    ['{{flatten(x)}}', { x: [Array.from({ length: 60 }), Array.from({ length: 60 })] }],
    ['{{merge(x, x)}}', { x: Array.from({ length: 60 }) }],
    ['{{add(x, 1)}}', { x: Array.from({ length: 100 }) }],
    ['{{escapeHTML(big)}}', { big: '<'.repeat(900) }],
    ["{{toString(toBinary(big), 'hex')}}", { big: 'x'.repeat(600) }],
  ];
  for (const [src, env] of limited) {
    it(`${src} raises runtime/limit`, () => {
      const e = catchError(() => evaluate(src, env, options));
      expect([e.code, e.line, e.column]).toEqual(['runtime/limit', 1, 3]);
    });
  }

  it('stripHTML stays linear on 1 000 000 unclosed tags, scripts and comments', () => {
    for (const piece of ['<a', '<script', '<!--', '<style>', '<br']) {
      const text = `${piece} `.repeat(200_000);
      const start = performance.now();
      evaluate('{{length(stripHTML(t))}}', { t: text });
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});
