import { describe, expect, it } from 'vitest';
import {
  arrayAt,
  getFirst,
  getIndex,
  getKey,
  isAbsent,
  isEmpty,
  isPlainObject,
  kindOf,
  ownValue,
  setOwn,
  truthy,
} from '../../src/runtime/value.js';

class Thing {
  a = 1;
}

describe('kindOf and predicates', () => {
  it('kindOf names every runtime kind', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'undefined'],
      [null, 'null'],
      [true, 'boolean'],
      [1.5, 'number'],
      [Number.NaN, 'number'],
      ['', 'string'],
      [[], 'array'],
      [{}, 'object'],
      [Object.create(null), 'object'],
      [new Date(0), 'date'],
      [new Uint8Array(1), 'binary'],
      [Buffer.from('x'), 'binary'],
      [new Thing(), 'other'],
      [new Map(), 'other'],
      [() => 1, 'other'],
      [Symbol('s'), 'other'],
      [1n, 'other'],
    ];
    for (const [v, kind] of cases) expect(kindOf(v), String(kind)).toBe(kind);
  });

  it('isPlainObject: Object.prototype or null prototype only', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(JSON.parse('{"__proto__": 1}'))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Thing())).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject('x')).toBe(false);
  });

  it('isEmpty is undefined, null or "" (SEMANTICS §6 ifempty)', () => {
    for (const v of [undefined, null, '']) expect(isEmpty(v)).toBe(true);
    for (const v of [0, false, ' ', [], {}, Number.NaN]) expect(isEmpty(v)).toBe(false);
  });

  it('isAbsent is undefined or null', () => {
    expect([undefined, null, '', 0].map(isAbsent)).toEqual([true, true, false, false]);
  });

  it('truthy is JS truthiness', () => {
    for (const v of [0, -0, '', null, undefined, Number.NaN, false]) expect(truthy(v)).toBe(false);
    for (const v of ['0', ' ', [], {}, -1, new Date(Number.NaN), Number.POSITIVE_INFINITY])
      expect(truthy(v)).toBe(true);
  });
});

describe('ownValue', () => {
  it('reads own data of plain objects only', () => {
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
    expect(ownValue({ a: 1 }, 'toString')).toBeUndefined();
    expect(ownValue({ a: 1 }, 'constructor')).toBeUndefined();
    expect(ownValue({ a: 1 }, '__proto__')).toBeUndefined();
    expect(ownValue(JSON.parse('{"__proto__": 5}'), '__proto__')).toBe(5);
    expect(ownValue(new Thing(), 'a')).toBeUndefined();
    expect(ownValue({ f: () => 1 }, 'f')).toBeUndefined();
  });
});

describe('arrayAt (1-based, negative from the end)', () => {
  const a = ['x', 'y', 'z'];
  it.each([
    [1, 'x'],
    [3, 'z'],
    [-1, 'z'],
    [-3, 'x'],
    [0, undefined],
    [4, undefined],
    [-4, undefined],
    [1.5, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [-0, undefined],
  ])('arrayAt(a, %s) is %s', (n, want) => {
    expect(arrayAt(a, n)).toBe(want);
  });

  it('never returns a function element', () => {
    expect(arrayAt([() => 1], 1)).toBeUndefined();
  });
});

describe('getKey, getIndex, getFirst (SEMANTICS §5)', () => {
  const arr = [10, 20, 30];
  const obj = { a: 1, '1': 'one', '-1': 'minus', 'a b': 2 };

  it('getKey on arrays reads integer text as a 1-based index, nothing else', () => {
    expect(getKey(arr, '1')).toBe(10);
    expect(getKey(arr, '-1')).toBe(30);
    expect(getKey(arr, '0')).toBeUndefined();
    expect(getKey(arr, '01')).toBeUndefined();
    expect(getKey(arr, '1.0')).toBeUndefined();
    expect(getKey(arr, ' 1')).toBeUndefined();
    expect(getKey(arr, 'length')).toBeUndefined();
    expect(getKey(arr, 'map')).toBeUndefined();
  });

  it('getKey on objects and on everything else', () => {
    expect(getKey(obj, 'a b')).toBe(2);
    expect(getKey(obj, 'hasOwnProperty')).toBeUndefined();
    for (const v of ['str', 5, true, null, undefined, new Date(0), new Uint8Array([1]), new Map([['a', 1]])]) {
      expect(getKey(v, 'a')).toBeUndefined();
      expect(getKey(v, 'length')).toBeUndefined();
    }
  });

  it('getIndex: numbers and strings on arrays and objects; other index types give undefined', () => {
    expect(getIndex(arr, 2)).toBe(20);
    expect(getIndex(arr, '2')).toBe(20);
    expect(getIndex(arr, 2.5)).toBeUndefined();
    expect(getIndex(obj, 1)).toBe('one');
    expect(getIndex(obj, -1)).toBe('minus');
    expect(getIndex(obj, 'a')).toBe(1);
    expect(getIndex(arr, true)).toBeUndefined();
    expect(getIndex(arr, null)).toBeUndefined();
    expect(getIndex(arr, [1])).toBeUndefined();
    expect(getIndex(obj, { toString: () => 'a' })).toBeUndefined();
    expect(getIndex('abc', 1)).toBeUndefined();
  });

  it('getFirst is the first element of an array, otherwise undefined', () => {
    expect(getFirst(arr)).toBe(10);
    expect(getFirst([])).toBeUndefined();
    expect(getFirst(obj)).toBeUndefined();
    expect(getFirst('abc')).toBeUndefined();
  });
});

describe('setOwn', () => {
  it('defines __proto__ as own data without touching the prototype', () => {
    const o: Record<string, unknown> = {};
    setOwn(o, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toEqual({ polluted: true });
    expect(setOwn(o, 'a', 1)).toBe(o);
    expect(o.a).toBe(1);
  });
});
