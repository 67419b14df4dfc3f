// Unit tests of the helpers under the built-ins: the §0.2 conversions, the §0.3 same-value relation, time zones,
// and the §0.3 rules "safe objects" and "no mutation".
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/index.js';
import { array, bytes, dateOrUndefined, int, numOrUndefined, position } from '../../../src/runtime/convert.js';
import { sameValue, valueSet } from '../../../src/runtime/same-value.js';
import { fromWall, isValidZone, offsetAt, zoneOr } from '../../../src/runtime/zone.js';
import { catchError } from '../../support/cases.js';

const HOUR = 3_600_000;

describe('conversions (§0.2)', () => {
  it('num reads numbers and trimmed decimal literals; absent is undefined; anything else is runtime/type', () => {
    expect([' 1.5 ', '-2', '+.5', '1e3', '1E-2', 7, Number.NaN].map((v) => numOrUndefined(v, 'f'))).toEqual([
      1.5,
      -2,
      0.5,
      1000,
      0.01,
      7,
      Number.NaN,
    ]);
    expect([undefined, null, '', ' \n'].map((v) => numOrUndefined(v, 'f'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    for (const bad of ['1,5', '0x1', 'Infinity', '1.', '--1', true, [], {}, new Date(0), Buffer.from('1')]) {
      expect(catchError(() => numOrUndefined(bad, 'f')).code).toBe('runtime/type');
    }
  });

  it('int requires an integer; positions truncate toward zero with a fallback when absent', () => {
    expect(int('12', 'f')).toBe(12);
    expect(catchError(() => int(1.5, 'f')).code).toBe('runtime/type');
    expect(catchError(() => int(null, 'f')).code).toBe('runtime/type');
    expect([position(-1.7, 'f', 0), position(null, 'f', 9), position(Number.NaN, 'f', 9)]).toEqual([-1, 9, 0]);
  });

  it('array and bytes', () => {
    const a = [1];
    expect(array(a)).toBe(a);
    expect([array(null), array(undefined), array(0), array('')]).toEqual([[], [], [0], ['']]);
    expect(bytes('é')).toEqual(Buffer.from([0xc3, 0xa9]));
    expect(bytes(null)).toEqual(Buffer.alloc(0));
  });

  it('date reads Dates, epoch numbers and ISO text in a zone', () => {
    expect(dateOrUndefined('2024-07-01 12:00', 'f', 'Europe/Prague')?.toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(dateOrUndefined(0, 'f', 'UTC')?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(dateOrUndefined(' ', 'f', 'UTC')).toBeUndefined();
    for (const bad of ['2024-02-30', '2024-07-01T12', Number.NaN, 9e15, true, new Date(Number.NaN)]) {
      expect(catchError(() => dateOrUndefined(bad, 'f', 'UTC')).code).toBe('runtime/type');
    }
  });
});

describe('same value (§0.3)', () => {
  // biome-ignore format: a table
  const rows: Array<[unknown, unknown, boolean]> = [
    [1, 1, true], [1, '1', false], [Number.NaN, Number.NaN, true], [0, -0, true], [null, undefined, false],
    ['é', 'e\u0301', false], [new Date(1), new Date(1), true], [new Date(1), 1, false],
    [Buffer.from('ab'), new Uint8Array([97, 98]), true], [Buffer.from('ab'), 'ab', false],
    [[1, [2]], [1, [2]], true], [[1, 2], [2, 1], false], [[1], [1, undefined], false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true], [{ a: 1 }, { a: 1, b: undefined }, false], [{}, [], false],
    [{ a: new Date(3) }, { a: new Date(3) }, true], [new Map(), new Map(), false],
  ];
  for (const [a, b, same] of rows) {
    it(`${String(a)} vs ${String(b)}: ${same}`, () => {
      expect(sameValue(a, b)).toBe(same);
      expect(valueSet([a]).has(b)).toBe(same);
    });
  }

  it('an embedder object is the same value only as itself', () => {
    const m = new Map();
    expect(sameValue(m, m)).toBe(true);
    expect(valueSet([m]).has(m)).toBe(true);
  });
});

describe('time zones', () => {
  it('knows IANA names in any case, and not others', () => {
    expect(['UTC', 'Europe/Prague', 'asia/tokyo', 'Etc/GMT-5'].map(isValidZone)).toEqual([true, true, true, true]);
    expect(['', 'Mars/Base', '+01:00', 5, null].map(isValidZone)).toEqual([false, false, false, false, false]);
    expect(zoneOr('Nope/Nope', 'Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it('survives thousands of hostile zone names', () => {
    for (let i = 0; i < 2000; i++) expect(isValidZone(`Bad/Zone${i}`)).toBe(false);
    expect(isValidZone('Europe/Prague')).toBe(true);
  });

  it('gives offsets across the Prague DST changes of 2024 (31 March, 27 October)', () => {
    const at = (iso: string) => offsetAt('Europe/Prague', Date.parse(iso)) / HOUR;
    expect([at('2024-03-31T00:59:59Z'), at('2024-03-31T01:00:00Z')]).toEqual([1, 2]);
    expect([at('2024-10-27T00:59:59Z'), at('2024-10-27T01:00:00Z')]).toEqual([2, 1]);
    expect(offsetAt('Australia/Sydney', Date.parse('2024-01-01T00:00:00Z')) / HOUR).toBe(11);
    expect(offsetAt('Asia/Tokyo', Date.parse('2024-01-01T00:00:00Z')) / HOUR).toBe(9);
    expect(offsetAt('America/New_York', Date.parse('2024-01-01T00:00:00Z')) / HOUR).toBe(-5);
  });

  it('maps wall times back: gaps move forward, overlaps take the earlier instant', () => {
    const wall = (iso: string, zone: string) => new Date(fromWall(zone, Date.parse(`${iso}Z`))).toISOString();
    expect(wall('2024-03-31T02:30:00', 'Europe/Prague')).toBe('2024-03-31T01:30:00.000Z');
    expect(wall('2024-10-27T02:30:00', 'Europe/Prague')).toBe('2024-10-27T00:30:00.000Z');
    expect(wall('2024-10-27T03:00:00', 'Europe/Prague')).toBe('2024-10-27T02:00:00.000Z');
    expect(wall('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(wall('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(wall('2024-01-01T00:00:00', 'Asia/Tokyo')).toBe('2023-12-31T15:00:00.000Z');
  });
});

describe('safe objects and no mutation (§0.3)', () => {
  const proto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');

  const built: Array<[string, Record<string, unknown>]> = [
    ["{{pick(x, '__proto__', 'a')}}", { x: proto }],
    ["{{omit(x, 'b')}}", { x: proto }],
    ['{{mergeCollections(x, x)}}', { x: proto }],
    [
      "{{toCollection(x, 'k', 'v')}}",
      {
        x: [
          { k: '__proto__', v: { polluted: true } },
          { k: 'a', v: 1 },
        ],
      },
    ],
    ['{{parseJSON(\'{"__proto__": {"polluted": true}, "a": 1}\')}}', {}],
  ];
  for (const [src, env] of built) {
    it(`${src} holds __proto__ as plain own data`, () => {
      const out = evaluate(src, env) as Record<string, unknown>;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.hasOwn(out, '__proto__')).toBe(true);
      expect(Object.keys(out)).toContain('a');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('toArray keeps a __proto__ key as a pair', () => {
    expect(evaluate('{{map(toArray(x), "key")}}', { x: proto })).toEqual(['__proto__', 'a']);
  });

  it('array functions never change their input', () => {
    const input = Object.freeze([3, Object.freeze([1]), 2, 1]);
    for (const src of [
      '{{sort(x)}}',
      '{{reverse(x)}}',
      '{{shuffle(x)}}',
      '{{add(x, 9)}}',
      '{{remove(x, 1)}}',
      '{{merge(x, x)}}',
      '{{flatten(x)}}',
      '{{distinct(x)}}',
      '{{slice(x, 1)}}',
      '{{toArray(x)}}',
      '{{arrayDiff(x, x)}}',
    ]) {
      const out = evaluate(src, { x: input });
      expect(out).not.toBe(input);
    }
    expect(input).toEqual([3, [1], 2, 1]);
  });
});
