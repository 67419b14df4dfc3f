import { describe, expect, it } from 'vitest';
import { LruCache, optionsKey, valueKey } from '../../src/cache.js';
import { programCaches } from '../../src/debug.js';
import { compile, evaluate, ImlError } from '../../src/index.js';

describe('LruCache (CLOCK eviction)', () => {
  it('keeps at most its capacity and evicts entries not used since they were last passed over', () => {
    const c = new LruCache<number>(3);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBe(1); // a gets its second chance
    c.set('d', 4); // evicts b, the oldest unused entry
    expect(c.size).toBe(3);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.get('d')]).toEqual([1, 3, 4]);
  });

  it('evicts even when every entry was used', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.get('b');
    c.set('c', 3);
    expect(c.size).toBe(2);
    expect(c.get('c')).toBe(3);
  });

  it('resizes, clears, and caches nothing at capacity 0', () => {
    const c = new LruCache<number>(4);
    for (const k of 'abcd') c.set(k, 1);
    c.resize(2);
    expect(c.size).toBe(2);
    expect(c.capacity).toBe(2);
    c.clear();
    expect(c.size).toBe(0);
    c.resize(0);
    expect(c.set('x', 5)).toBe(5);
    expect(c.get('x')).toBeUndefined();
  });
});

describe('valueKey', () => {
  it('tells apart values that JSON text confuses', () => {
    const pairs: Array<[unknown, unknown]> = [
      [[undefined], [null]],
      [Number.NaN, null],
      [-0, 0],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      ['1', 1],
      [{ a: undefined }, {}],
      [['a,b'], ['a', 'b']],
    ];
    for (const [a, b] of pairs) expect(valueKey(a)).not.toBe(valueKey(b));
    expect(valueKey({ a: [1, 'x', true] })).toBe(valueKey({ a: [1, 'x', true] }));
  });

  it('refuses values that are not JSON-shaped (they are compiled without caching)', () => {
    for (const v of [new Date(0), { d: new Date(0) }, () => 1, new Map(), new Array(2), 10n]) {
      expect(valueKey(v)).toBeUndefined();
    }
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(valueKey(deep)).toBeUndefined();
  });
});

describe('evaluate() program cache', () => {
  const [textCache, keyedCache] = programCaches as [LruCache<unknown>, LruCache<unknown>];

  it('compiles a template text once', () => {
    textCache.clear();
    const src = '{{a + 1}} cache-once';
    expect(evaluate(src, { a: 1 })).toBe('2 cache-once');
    const program = textCache.get(src);
    expect(program).toBeDefined();
    expect(evaluate(src, { a: 2 })).toBe('3 cache-once');
    expect(textCache.get(src)).toBe(program);
    expect(textCache.size).toBe(1);
  });

  it('keys programs by the options that change them', () => {
    expect(evaluate("{{1 = '1'}}")).toBe(true);
    expect(evaluate("{{1 = '1'}}", {}, { strictEquality: true })).toBe(false);
    expect(evaluate("{{1 = '1'}}")).toBe(true);
    expect(evaluate('{{f()}}', {}, { functions: { f: () => 1 } })).toBe(1);
    expect(evaluate('{{f()}}', {}, { functions: { f: () => 2 } })).toBe(2);
    expect(() => evaluate("{{'abc' + 'd'}}", {}, { limits: { maxStringLength: 2 } })).toThrow(ImlError);
    expect(evaluate("{{'abc' + 'd'}}")).toBe('abcd');
  });

  it('hits for the same function objects in a fresh options object', () => {
    const f = () => 3;
    keyedCache.clear();
    evaluate('{{f()}}', {}, { functions: { f } });
    evaluate('{{f()}}', {}, { functions: { f } });
    expect(keyedCache.size).toBe(1);
    expect(optionsKey({ functions: { f } })).toBe(optionsKey({ functions: { f } }));
    expect(optionsKey({ functions: { f } })).not.toBe(optionsKey({ functions: { g: f } }));
  });

  it('caches object templates by content, not identity', () => {
    keyedCache.clear();
    expect(evaluate({ a: '{{x}}' }, { x: 1 })).toStrictEqual({ a: 1 });
    expect(evaluate({ a: '{{x}}' }, { x: 2 })).toStrictEqual({ a: 2 });
    expect(keyedCache.size).toBe(1);
    expect(evaluate(['{{x}}', undefined], { x: 1 })).toStrictEqual([1, undefined]);
    expect(evaluate(['{{x}}', null], { x: 1 })).toStrictEqual([1, null]);
  });

  it('does not cache what fails to compile, and reports the error each time', () => {
    for (let i = 0; i < 2; i++) expect(() => evaluate('{{nope()}}')).toThrow(/Unknown function/);
    expect(() => evaluate({ d: new Date(0) })).toThrow(ImlError);
  });

  it('shares one compiled program between concurrent uses', () => {
    const p = compile('{{a}}');
    expect([p.run({ a: 1 }), p.run({ a: 2 })]).toEqual([1, 2]);
  });
});
