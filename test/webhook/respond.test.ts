import fc from 'fast-check';
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { encodeValue, serializeBody, urlencoded } from '../../src/webhook/respond.js';

// SEMANTICS §7 urlencoded: `qs.stringify(body, {encodeValuesOnly: true, arrayFormat: 'repeat'})`.
const QS = { encodeValuesOnly: true, arrayFormat: 'repeat' } as const;

describe('urlencoded', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['flat pairs in key order', { b: '1', a: 'x' }, 'b=1&a=x'],
    ['space as %20, reserved characters encoded', { q: 'a b&c=d/e?f#g+h' }, 'q=a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh'],
    ['unreserved characters kept', { v: 'AZaz09-._~' }, 'v=AZaz09-._~'],
    ['nested objects with literal brackets', { a: { b: { c: 'd' } } }, 'a[b][c]=d'],
    ['arrays as repeated keys', { a: ['x', 'y'] }, 'a=x&a=y'],
    ['nested arrays flatten into the same key', { a: [['x'], ['y', 'z']] }, 'a=x&a=y&a=z'],
    ['objects inside arrays', { a: [{ b: 1 }, { b: 2 }] }, 'a[b]=1&a[b]=2'],
    ['null as a=', { a: null, b: 'x' }, 'a=&b=x'],
    ['undefined left out', { a: undefined, b: 'x' }, 'b=x'],
    ['empty string', { a: '' }, 'a='],
    ['empty array and object left out', { a: [], b: {}, c: 1 }, 'c=1'],
    ['numbers and booleans as text', { n: 1.5, e: 1e21, t: true, f: false }, 'n=1.5&e=1e%2B21&t=true&f=false'],
    ['keys are not encoded', { 'a b': 'c d' }, 'a b=c%20d'],
    ['UTF-8 bytes', { s: 'č€😀' }, 's=%C4%8D%E2%82%AC%F0%9F%98%80'],
    ['a lone surrogate as U+FFFD', { s: 'a\ud800b' }, 's=a%EF%BF%BDb'],
    ['CR and LF encoded', { s: 'a\r\nb' }, 's=a%0D%0Ab'],
    ['an own __proto__ key is an ordinary key', JSON.parse('{"__proto__": {"x": 1}}'), '__proto__[x]=1'],
    ['dates as ISO 8601', { d: new Date(Date.UTC(2024, 5, 10, 12)) }, 'd=2024-06-10T12%3A00%3A00.000Z'],
    ['an empty object', {}, ''],
  ])('%s', (_, value, want) => {
    expect(urlencoded(value)).toBe(want);
  });

  it('writes binary buffers as their UTF-8 text, as qs does for Buffers', () => {
    expect(urlencoded({ b: Buffer.from('hi there') })).toBe(qs.stringify({ b: Buffer.from('hi there') }, QS));
    expect(urlencoded({ b: new Uint8Array([0x68, 0x69]) })).toBe('b=hi');
  });

  it('writes an invalid Date like null (qs would throw)', () => {
    expect(urlencoded({ d: new Date(Number.NaN) })).toBe('d=');
  });

  it('allows shared (non-cyclic) references, rejects cycles and deep nesting with ImlError', () => {
    const shared = { x: 1 };
    expect(urlencoded({ a: shared, b: shared })).toBe('a[x]=1&b[x]=1');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = [cyclic];
    expect(() => urlencoded(cyclic)).toThrow(expect.objectContaining({ code: 'runtime/type' }));
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(() => urlencoded(deep)).toThrow(expect.objectContaining({ code: 'runtime/limit' }));
  });

  it('agrees with qs on JSON data (property)', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', '0', '__proto__'));
    const leaf = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (obj) => {
        expect(urlencoded(obj)).toBe(qs.stringify(obj, QS));
      }),
      { numRuns: 2000 },
    );
  });

  it('encodeValue agrees with qs on any string, including lone surrogates (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(`v=${encodeValue(s)}`).toBe(qs.stringify({ v: s }, QS) || 'v=');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('serializeBody', () => {
  it.each([
    ['json', { a: 1, u: undefined, d: new Date(0) }, '{"a":1,"d":"1970-01-01T00:00:00.000Z"}'],
    ['json', [1, undefined, Number.NaN], '[1,null,null]'],
    ['json', 'x', '"x"'],
    ['json', null, 'null'],
    ['json', undefined, ''],
    ['text', undefined, ''],
    ['text', null, ''],
    ['text', [1, [2, 3], null], '1,2,3,'],
    ['text', { a: 1 }, '{"a":1}'],
    ['text', 0.1, '0.1'],
    ['urlencoded', undefined, ''],
    ['urlencoded', null, ''],
    ['urlencoded', ['a b', 'c'], 'a b,c'],
    ['urlencoded', 'raw text', 'raw text'],
    ['urlencoded', 12, '12'],
    ['urlencoded', { a: 'b c' }, 'a=b%20c'],
  ] as const)('%s %j', (type, body, want) => {
    expect(serializeBody(type, body)).toBe(want);
  });
});
