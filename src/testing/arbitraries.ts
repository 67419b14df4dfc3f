import fc from 'fast-check';
import type { ImlValue } from '../runtime/value.js';
import { type ExpressionOptions, imlExpression, QUOTED_NAMES } from './expression.js';

export {
  type Arity,
  BINARY_OPERATORS,
  DEFAULT_ROOTS,
  type ExpressionOptions,
  functionArities,
  imlExpression,
  KEYWORD_TEXTS,
  MEMBER_NAMES,
  NONDETERMINISTIC_FUNCTIONS,
  NONDETERMINISTIC_ROOTS,
  numberText,
  QUOTED_NAMES,
  quotedText,
} from './expression.js';

/** TemplateOptions represents the knobs of imlTemplate; the expression knobs apply to every mustache. */
export interface TemplateOptions extends ExpressionOptions {
  /** Deepest nesting of JSON arrays and objects around the template strings (default 2; 0 gives strings only). */
  valueDepth?: number;
  /** Most literal and mustache parts of one text template (default 4). */
  maxParts?: number;
  /** Most elements of an array or properties of an object (default 4). */
  maxEntries?: number;
}

/** ContextOptions represents the knobs of imlContext. */
export interface ContextOptions {
  /** Deepest nesting of generated data below each root (default 4). */
  maxDepth?: number;
  /** Most properties of an object or elements of an array (default 5). */
  maxEntries?: number;
  /** Length of the longest extra chain of nested objects/arrays placed under a root (default 100; 0 disables). */
  maxNesting?: number;
  /** Root names of the context (default the webhook roots and `item`, `temp`, `connection`). */
  roots?: readonly string[];
  /** Also generate values a JSON body cannot hold: Dates, buffers, functions, class instances, Maps (default false). */
  exotic?: boolean;
}

/** CONTEXT_ROOTS represents the default roots of a generated context. */
export const CONTEXT_ROOTS: readonly string[] = [
  'body',
  'query',
  'headers',
  'parameters',
  'data',
  'item',
  'temp',
  'connection',
];

/**
 * HOSTILE_KEYS represents object keys that must read as plain data (or stay unreachable when absent): the names
 * Object.prototype defines, the unusual names templates quote (QUOTED_NAMES), a NUL and mustache-like text.
 */
export const HOSTILE_KEYS: readonly string[] = [
  ...new Set([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    'length',
    ...QUOTED_NAMES,
    '\u0000',
    '{{...}}',
  ]),
];

/** COMMON_KEYS represents ordinary keys, shared with the member names imlExpression generates. */
const COMMON_KEYS: readonly string[] = ['id', 'name', 'items', 'value', 'a', 'b', 'x', '$', '_private'];

/** ownObject returns an object holding the entries as own data properties (`__proto__` included), later keys winning. */
export function ownObject(entries: ReadonlyArray<readonly [string, unknown]>, nullPrototype = false): object {
  const out: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** noMustache returns text with a space inside every `{{`, so that it stays literal text. */
function noMustache(text: string): string {
  return text.replace(/\{(?=\{)/g, '{ ');
}

/** textPart returns an arbitrary literal part of a text template: never contains `{{`. */
function textPart(): fc.Arbitrary<string> {
  const chunk = fc.oneof(
    fc.constantFrom('Bearer ', ' ', '}}', '}', '{', '"', "'", '\n', '\\n', 'é😀', 'a', '{"n": ', '%', '\t'),
    fc.string({ maxLength: 8, unit: 'binary' }),
  );
  return fc
    .array(chunk, { minLength: 1, maxLength: 4 })
    .map((parts) => noMustache(parts.join('')))
    .filter((s) => s.length > 0);
}

/** mustache returns `{{expr}}` with optional whitespace inside the braces. */
function mustache(options: ExpressionOptions): fc.Arbitrary<string> {
  const pad = fc.constantFrom('', '', ' ', '\n', '\t');
  return fc.tuple(pad, imlExpression(options), pad).map(([a, e, b]) => `{{${a}${e}${b}}}`);
}

/** textTemplate returns an arbitrary template string: plain text, a typed lone mustache, or text mixed with mustaches. */
function textTemplate(options: TemplateOptions): fc.Arbitrary<string> {
  const maxParts = Math.max(1, options.maxParts ?? 4);
  const part = fc.oneof(
    textPart().map((text) => ({ text })),
    mustache(options).map((m) => ({ m })),
  );
  // Consecutive text parts are merged before the `{{` check: "{" followed by "{a" would open a mustache.
  const mixed = fc.array(part, { minLength: 1, maxLength: maxParts }).map((parts) => {
    let out = '';
    let run = '';
    for (const p of parts) {
      if ('text' in p) run += p.text;
      else {
        out += noMustache(run) + p.m;
        run = '';
      }
    }
    return out + noMustache(run);
  });
  return fc.oneof(
    { weight: 1, arbitrary: textPart() },
    { weight: 3, arbitrary: mustache(options) },
    { weight: 4, arbitrary: mixed },
  );
}

/**
 * imlTemplate returns an arbitrary IML value (SEMANTICS §1): text templates with mustaches, typed lone mustaches,
 * numbers, booleans, null, and arrays and objects of them, including the `"{{...}}"` spread key and keys such
 * as `__proto__` held as own data.
 * @example
 * fc.assert(fc.property(imlTemplate(), imlContext(), (t, ctx) => { compile(t).run(ctx) }));
 */
export function imlTemplate(options: TemplateOptions = {}): fc.Arbitrary<ImlValue> {
  const valueDepth = Math.max(0, options.valueDepth ?? 2);
  const maxEntries = options.maxEntries ?? 4;
  const text = textTemplate(options);
  if (valueDepth === 0) return text;
  const scalar = fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
    { weight: 1, arbitrary: fc.constantFrom<ImlValue>(true, false, null) },
  );
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...COMMON_KEYS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const value = fc.memo((n: number): fc.Arbitrary<ImlValue> => {
    if (n <= 0) return scalar;
    // The spread key takes any IML value; mostly a mustache, which may yield an object to spread.
    const entry = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(key, value(n - 1)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('{{...}}'), fc.oneof(mustache(options), value(n - 1))) },
    );
    const object = fc.array(entry, { maxLength: maxEntries }).map((es) => ownObject(es) as ImlValue);
    return fc.oneof(
      { weight: 3, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(value(n - 1), { maxLength: maxEntries }) },
      { weight: 2, arbitrary: object },
    );
  });
  return value(valueDepth);
}

/** numberValue returns arbitrary webhook numbers: integers, decimals, negatives, huge, tiny and -0. */
function numberValue(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.integer(),
    fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 6 })).map(([m, k]) => m / 10 ** k),
    fc.constantFrom(0.1, 0.2, -0, 1e21, -1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1.5, -2.5),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

/** stringValue returns arbitrary webhook text: numeric text, dates, JSON text, unicode, emoji and control characters. */
function stringValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '0',
      '42',
      ' 1.5 ',
      '-1',
      '1e3',
      'true',
      'null',
      'abc',
      'Ann',
      'a,b,c',
      '{"a":1}',
      '[1,2]',
    ),
    fc.constantFrom('2020-01-01T00:00:00Z', '2018-10-01', 'not a date', '<b>x</b>', '%41', 'é😀名', '\u0000\u001f'),
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 12, unit: 'binary' }),
  );
}

class Opaque {
  secret = 'opaque';
}

/** exoticValue returns values an embedder may pass that JSON cannot hold. */
function exoticValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.date({ min: new Date(-1e13), max: new Date(1e13) }),
    fc.constant(new Date(Number.NaN)),
    fc.uint8Array({ maxLength: 6 }),
    fc.constant(() => 'called'),
    fc.constant(new Opaque()),
    fc.constant(new Map([['a', 1]])),
  );
}

/** nest returns value wrapped in `depth` levels of alternating objects and arrays, built without recursion. */
function nest(value: unknown, depth: number, key: string): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? ownObject([[key, v]]) : [v];
  return v;
}

/**
 * imlContext returns an arbitrary evaluation context shaped like hostile webhook data: own `__proto__`,
 * `constructor` and `toString` keys, keys with spaces, dots, unicode and emoji, nulls, mixed arrays, numbers of
 * every kind, null-prototype objects and long chains of nesting.
 * @example
 * fc.assert(fc.property(imlContext(), (ctx) => evaluate('{{body.constructor}}', ctx) === undefined));
 */
export function imlContext(options: ContextOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const maxDepth = Math.max(0, options.maxDepth ?? 4);
  const maxEntries = options.maxEntries ?? 5;
  const maxNesting = Math.max(0, options.maxNesting ?? 100);
  const roots = options.roots ?? CONTEXT_ROOTS;
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...COMMON_KEYS) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  );
  const leaves: Array<fc.Arbitrary<unknown>> = [numberValue(), stringValue(), fc.constantFrom(null, true, false)];
  if (options.exotic) leaves.push(exoticValue());
  const leaf = fc.oneof(...leaves);
  const value = fc.memo((n: number): fc.Arbitrary<unknown> => {
    if (n <= 0) return leaf;
    const object = fc
      .tuple(fc.array(fc.tuple(key, value(n - 1)), { maxLength: maxEntries }), fc.boolean())
      .map(([es, nullProto]) => ownObject(es, nullProto && es.length % 3 === 0));
    return fc.oneof(
      { weight: 2, arbitrary: leaf },
      { weight: 2, arbitrary: fc.array(value(n - 1), { maxLength: maxEntries }) },
      { weight: 3, arbitrary: object },
    );
  });
  const deep =
    maxNesting === 0
      ? fc.constant(undefined)
      : fc.option(fc.tuple(leaf, fc.integer({ min: 1, max: maxNesting }), key), { freq: 4 });
  const rootEntry = fc.tuple(fc.constantFrom(...roots), value(maxDepth));
  return fc
    .tuple(fc.array(rootEntry, { minLength: 1, maxLength: roots.length }), deep, fc.constantFrom(...roots))
    .map(([entries, chain, at]) => {
      const all: Array<readonly [string, unknown]> = [...entries];
      if (chain) all.push([at, nest(chain[0], chain[1], chain[2])]);
      return ownObject(all) as Record<string, unknown>;
    });
}
