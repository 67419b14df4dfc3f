import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  div,
  forcedAdd,
  greaterEqual,
  greaterThan,
  jsString,
  lessEqual,
  lessThan,
  looseEquals,
  mod,
  mul,
  neg,
  not,
  plus,
  strictEquals,
  sub,
  toNumber,
} from '../../src/runtime/ops.js';

/** primitive represents JS primitives a template can see (no symbols, no bigints). */
const primitive = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 4 }),
  fc.constantFrom('', ' ', '0', '1', '1e3', ' 2 ', 'abc', '-0', 'Infinity', 'NaN'),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);

describe('toNumber and jsString never run user code', () => {
  it('toNumber is JS Number() for primitives', () => {
    fc.assert(
      fc.property(primitive, (v) => {
        expect(toNumber(v)).toBe(Number(v));
      }),
    );
  });

  it('toNumber of objects: Dates their time, arrays their text, others NaN', () => {
    expect(toNumber(new Date(5))).toBe(5);
    expect(toNumber([])).toBe(0);
    expect(toNumber([' 7 '])).toBe(7);
    expect(toNumber([1, 2])).toBe(Number.NaN);
    expect(toNumber({ valueOf: () => 3 })).toBe(Number.NaN);
    expect(toNumber(Object.create(null))).toBe(Number.NaN);
    expect(toNumber(Symbol('x'))).toBe(Number.NaN);
    expect(toNumber(10n)).toBe(10);
  });

  it('jsString: arrays join elements (null and undefined empty), objects are [object Object]', () => {
    expect(jsString([1, null, undefined, [2, [3]], 'a'])).toBe('1,,,2,3,a');
    expect(jsString({ toString: () => 'evil' })).toBe('[object Object]');
    expect(jsString(Object.create(null))).toBe('[object Object]');
    expect(jsString(new Date(0))).toBe(String(new Date(0)));
    expect(jsString(Symbol('s'))).toBe('Symbol()');
    fc.assert(
      fc.property(primitive, (v) => {
        expect(jsString(v)).toBe(String(v));
      }),
    );
  });
});

describe('+ (SEMANTICS §3)', () => {
  it('two numbers: decimal-exact', () => {
    expect(add(0.1, 0.2)).toBe(0.3);
    expect(add(-0, -0)).toBe(-0);
    expect(add(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(Number.NaN);
  });

  it('a string on either side concatenates the §5 renderings', () => {
    expect(add('a', null)).toBe('a');
    expect(add(undefined, 'b')).toBe('b');
    expect(add('', [1, [2]])).toBe('1,2');
    expect(add({ a: 1 }, '')).toBe('{"a":1}');
    expect(add(new Date(0), '!')).toBe('1970-01-01T00:00:00.000Z!');
  });

  it('null/undefined beside a primitive gives the other; two of them give null', () => {
    expect(add(null, 5)).toBe(5);
    expect(add(false, undefined)).toBe(false);
    expect(add(null, undefined)).toBe(null);
    expect(add(undefined, undefined)).toBe(null);
  });

  it('anything else concatenates the renderings', () => {
    expect(add(true, 1)).toBe('true1');
    expect(add(null, [1])).toBe('1');
    expect(add(new Date(0), 1)).toBe('1970-01-01T00:00:00.000Z1');
    expect(add({}, {})).toBe('{}{}');
  });
});

describe('- ++ * / % and unary operators', () => {
  it('- and ++ are plain double arithmetic on Number()', () => {
    fc.assert(
      fc.property(primitive, primitive, (a, b) => {
        expect(sub(a, b)).toBe(Number(a) - Number(b));
        expect(forcedAdd(a, b)).toBe(Number(a) + Number(b));
      }),
    );
    expect(sub(new Date(1500), new Date(0))).toBe(1500);
  });

  it('* / % convert through Number() and are decimal-exact', () => {
    expect(mul('0.1', 3)).toBe(0.3);
    expect(div(1, 3)).toBe(0.3333333333333333);
    expect(div(0.3, '0.1')).toBe(3);
    expect(mod(0.3, 0.1)).toBe(0);
    expect(mod(-1, 1)).toBe(-0);
    expect(mul(null, 'x')).toBe(Number.NaN);
    expect(div(true, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('* / % agree with doubles on integers', () => {
    const int = fc.integer({ min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(int, int, (a, b) => {
        expect(mul(a, b)).toBe(a * b);
        expect(mod(a, b)).toBe(a % b);
        if (b !== 0 && a % b === 0) expect(div(a, b)).toBe(a / b);
      }),
    );
  });

  it('neg, plus, not', () => {
    expect(neg('5')).toBe(-5);
    expect(neg(0)).toBe(-0);
    expect(plus('')).toBe(0);
    expect(plus([3])).toBe(3);
    expect(not([])).toBe(false);
    expect(not('')).toBe(true);
  });
});

describe('equality and comparison (SEMANTICS §3)', () => {
  it('looseEquals is JS == on primitives', () => {
    fc.assert(
      fc.property(primitive, primitive, (a, b) => {
        // biome-ignore lint/suspicious/noDoubleEquals: the oracle is JS loose equality
        expect(looseEquals(a, b)).toBe(a == b);
      }),
    );
  });

  it('strictEquals is JS === on primitives', () => {
    fc.assert(
      fc.property(primitive, primitive, (a, b) => {
        expect(strictEquals(a, b)).toBe(a === b);
      }),
    );
  });

  it('relational operators are JS comparison on primitives', () => {
    fc.assert(
      fc.property(primitive, primitive, (a, b) => {
        const x = a as number;
        const y = b as number;
        expect([lessThan(a, b), lessEqual(a, b), greaterThan(a, b), greaterEqual(a, b)]).toEqual([
          x < y,
          x <= y,
          x > y,
          x >= y,
        ]);
      }),
    );
  });

  it('Dates compare by time, for equality and order', () => {
    const a = new Date(1000);
    const b = new Date(1000);
    const c = new Date(2000);
    expect([looseEquals(a, b), strictEquals(a, b), looseEquals(a, c), strictEquals(a, c)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([lessThan(a, c), lessEqual(a, b), greaterThan(c, a), greaterEqual(a, c)]).toEqual([true, true, true, false]);
    expect(looseEquals(new Date(Number.NaN), new Date(Number.NaN))).toBe(false);
  });

  it('an object beside a primitive converts without running user code', () => {
    const evil = { toString: () => 'x', valueOf: () => 1 };
    expect(looseEquals(evil, 'x')).toBe(false);
    expect(looseEquals(evil, 1)).toBe(false);
    expect(looseEquals(evil, '[object Object]')).toBe(true);
    expect(looseEquals([1, 2], '1,2')).toBe(true);
    expect(looseEquals([], 0)).toBe(true);
    expect(looseEquals([], null)).toBe(false);
    expect(looseEquals({}, undefined)).toBe(false);
    expect(lessThan(evil, 2)).toBe(false);
    expect(lessThan([1], 2)).toBe(true);
  });

  it('two different objects are never loosely equal', () => {
    expect(looseEquals([1], [1])).toBe(false);
    expect(looseEquals({}, {})).toBe(false);
    const o = {};
    expect(looseEquals(o, o)).toBe(true);
  });
});
