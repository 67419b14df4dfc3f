// The `iml-vm/testing` arbitraries generate what API.md promises, and only calls that compile.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { KEYWORDS } from '../../src/parser/lexer.js';
import { BUILTINS } from '../../src/runtime/builtins/index.js';
import {
  BINARY_OPERATORS,
  HOSTILE_KEYS,
  imlContext,
  imlExpression,
  imlTemplate,
  KEYWORD_TEXTS,
} from '../../src/testing/index.js';
import { checkTemplate } from '../support/front-end.js';

const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number) => fc.sample(arb, { seed: 20240229, numRuns });

/** ownKeysDeep returns every own key of every object in a value (iteratively, so deep chains are fine). */
function ownKeysDeep(root: unknown): Set<string> {
  const keys = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    for (const k of Object.keys(v)) {
      keys.add(k);
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return keys;
}

function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    max = Math.max(max, d);
    if (typeof v === 'object' && v !== null) for (const c of Object.values(v)) stack.push([c, d + 1]);
  }
  return max;
}

describe('imlExpression', () => {
  it('every generated expression parses and passes the checker', () => {
    fc.assert(
      fc.property(imlExpression({ maxDepth: 4 }), (e) => {
        checkTemplate(`{{${e}}}`);
      }),
      { numRuns: 500 },
    );
  });

  const texts = sample(imlExpression({ maxDepth: 4 }), 4000);
  const all = texts.join('\n');

  it("knows exactly the lexer's keywords (its own copy keeps the generators independent of the parser)", () => {
    expect(new Set(KEYWORD_TEXTS)).toStrictEqual(KEYWORDS);
  });

  it('covers every keyword, every operator spelling and every path form', () => {
    for (const k of KEYWORD_TEXTS) expect(all, k).toMatch(new RegExp(`\\b${k}\\b`));
    for (const op of BINARY_OPERATORS) expect(all, op).toContain(` ${op} `);
    for (const form of ['.`', '[]', "['", '].', ').']) expect(all, form).toContain(form);
    for (const esc of ['\\n', "\\'", '\\"', '\\u00e9', '\\d', '\\\\']) expect(all, esc).toContain(esc);
    expect(texts.some((t) => /\(.*;.*\)/.test(t))).toBe(true);
  });

  it('calls every registered built-in except the nondeterministic ones, and those only when asked', () => {
    const called = new Set([...all.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]));
    const missing = BUILTINS.names().filter((n) => n !== 'shuffle' && !called.has(n));
    expect(missing).toEqual([]);
    expect(called.has('shuffle')).toBe(false);
    expect(all).not.toMatch(/\b(uuid|random|now|timestamp)\b(?!\s*\()/);
  });

  it('restricts calls to the given functions and adds custom ones', () => {
    const only = sample(
      imlExpression({ functions: ['upper', 'if'], customFunctions: { mine: { min: 1, max: 1 } } }),
      500,
    );
    const names = new Set(only.flatMap((t) => [...t.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1])));
    expect([...names].sort()).toEqual(['if', 'mine', 'upper']);
    expect(() => imlExpression({ functions: ['noSuchFunction'] })).toThrow(TypeError);
  });

  it('maxDepth 1 gives atoms and paths only; whitespace: false adds none', () => {
    const flat = sample(imlExpression({ maxDepth: 1, whitespace: false }), 300);
    for (const t of flat) expect(t).not.toMatch(/^[A-Za-z_$][\w$]*\(/);
    expect(flat.some((t) => /[\t\n\u00a0]/.test(t.replace(/(['"`])(?:\\.|(?!\1)[\s\S])*\1/g, '')))).toBe(false);
  });
});

describe('imlTemplate', () => {
  const values = sample(imlTemplate(), 2000);

  it('every generated template compiles', () => {
    for (const v of values) compile(v);
  });

  it('generates text, typed lone mustaches, arrays, objects, spreads and own __proto__ keys', () => {
    const strings = values.filter((v): v is string => typeof v === 'string');
    expect(strings.some((s) => /^\{\{[\s\S]*\}\}$/.test(s))).toBe(true);
    expect(strings.some((s) => !s.includes('{{'))).toBe(true);
    expect(strings.some((s) => /[^{]\{\{[\s\S]*\}\}./.test(s))).toBe(true);
    expect(values.some(Array.isArray)).toBe(true);
    const keys = ownKeysDeep(values);
    expect(keys.has('{{...}}')).toBe(true);
    expect(keys.has('__proto__')).toBe(true);
    expect(Object.prototype).toEqual({});
  });

  it('valueDepth 0 gives template strings only', () => {
    for (const v of sample(imlTemplate({ valueDepth: 0 }), 200)) expect(typeof v).toBe('string');
  });
});

describe('imlContext', () => {
  const contexts = sample(imlContext(), 1000);

  it('generates hostile keys as own data, deep nesting, nulls, mixed arrays and every kind of number', () => {
    const keys = ownKeysDeep(contexts);
    for (const k of ['__proto__', 'constructor', 'toString', 'a b', 'émoji😀']) expect(keys.has(k), k).toBe(true);
    expect(HOSTILE_KEYS.filter((k) => keys.has(k)).length).toBeGreaterThan(HOSTILE_KEYS.length / 2);
    expect(Math.max(...contexts.map(depthOf))).toBeGreaterThan(50);
    const leaves: unknown[] = [];
    const stack: unknown[] = [...contexts];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
      else leaves.push(v);
    }
    expect(leaves).toContain(null);
    expect(leaves.some((v) => typeof v === 'number' && v < 0)).toBe(true);
    expect(leaves.some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
    expect(leaves.some((v) => typeof v === 'number' && Math.abs(v) >= 1e21)).toBe(true);
    expect(
      contexts.some((c) => Object.values(c).some((v) => Array.isArray(v) && new Set(v.map((x) => typeof x)).size > 1)),
    ).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an own __proto__ key never changes a prototype', () => {
    const stack: unknown[] = [...contexts];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v !== 'object' || v === null) continue;
      const proto = Object.getPrototypeOf(v);
      expect([Object.prototype, Array.prototype, null]).toContain(proto);
      stack.push(...Object.values(v));
    }
  });

  it('exotic: also Dates, buffers, functions and class instances', () => {
    const leaves: unknown[] = [];
    for (const c of sample(imlContext({ exotic: true, maxNesting: 0 }), 500)) {
      const stack: unknown[] = [c];
      while (stack.length > 0) {
        const v = stack.pop();
        leaves.push(v);
        if (
          Array.isArray(v) ||
          (typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v)))
        ) {
          stack.push(...Object.values(v as object));
        }
      }
    }
    expect(leaves.some((v) => v instanceof Date)).toBe(true);
    expect(leaves.some((v) => v instanceof Uint8Array)).toBe(true);
    expect(leaves.some((v) => typeof v === 'function')).toBe(true);
    expect(leaves.some((v) => v instanceof Map)).toBe(true);
  });

  it('roots option and maxDepth 0', () => {
    for (const c of sample(imlContext({ roots: ['only'], maxDepth: 0, maxNesting: 0 }), 100)) {
      expect(Object.keys(c)).toEqual(['only']);
      expect(typeof c.only === 'object' && c.only !== null).toBe(false);
    }
  });
});
