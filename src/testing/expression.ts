import fc from 'fast-check';
import { BUILTINS } from '../runtime/builtins/index.js';

/** Arity represents how many arguments a function accepts (max may be Infinity). */
export interface Arity {
  min: number;
  max: number;
}

/** ExpressionOptions represents the knobs of imlExpression. */
export interface ExpressionOptions {
  /** Deepest nesting of generated sub-expressions (default 3; 1 gives only atoms and paths). */
  maxDepth?: number;
  /** Built-in names that calls may use (default: every registered built-in). An unregistered name is an error. */
  functions?: readonly string[];
  /** Custom functions (name → arity) that calls may use besides the built-ins, for fuzzing your own functions. */
  customFunctions?: Readonly<Record<string, Arity>>;
  /** Root identifiers of paths (default DEFAULT_ROOTS, plus the clock and random variables when nondeterministic). */
  roots?: readonly string[];
  /** Also use `now`, `timestamp`, `uuid`, `random` and `shuffle`, whose values differ between runs (default false). */
  nondeterministic?: boolean;
  /** Most arguments beyond the minimum for a variadic function (default 2). */
  maxExtraArgs?: number;
  /** Add random whitespace (spaces, tabs, line breaks, NBSP) between tokens (default true). */
  whitespace?: boolean;
}

/** DEFAULT_ROOTS represents the root names paths start from: webhook roots, hostile names and one unknown name. */
export const DEFAULT_ROOTS: readonly string[] = [
  'body',
  'query',
  'headers',
  'parameters',
  'data',
  'item',
  'temp',
  'connection',
  'environment',
  'method',
  'missing',
  'pi',
  'executionId',
  '__proto__',
  'constructor',
  'toString',
  '$x',
  '_',
];

/** NONDETERMINISTIC_ROOTS represents the built-in variables whose value changes between runs. */
export const NONDETERMINISTIC_ROOTS: readonly string[] = ['now', 'timestamp', 'uuid', 'random'];

/** NONDETERMINISTIC_FUNCTIONS represents the built-ins whose result changes between runs. */
export const NONDETERMINISTIC_FUNCTIONS: readonly string[] = ['shuffle'];

/** MEMBER_NAMES represents the `.name` members generated: common data keys and names that must stay unreachable. */
export const MEMBER_NAMES: readonly string[] = [
  'id',
  'name',
  'items',
  'value',
  'a',
  'b',
  'x',
  'length',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'true',
  'null',
  'emptyarray',
  '$',
  '_private',
];

/** QUOTED_NAMES represents the backtick and string-index names generated: spaces, dots, digits, unicode, emoji. */
export const QUOTED_NAMES: readonly string[] = [
  'a b',
  'a.b',
  '1',
  '-1',
  '0',
  '',
  'émoji😀',
  '😀',
  '名前',
  'ключ',
  '__proto__',
  'constructor',
  'x-y',
  '`',
  "it's",
  '\\',
  '{{x}}',
];

/** KEYWORD_TEXTS represents every keyword of SEMANTICS §4. */
export const KEYWORD_TEXTS: readonly string[] = [
  'true',
  'false',
  'null',
  'undefined',
  'emptystring',
  'emptyarray',
  'space',
  'nbsp',
  'tab',
  'newline',
  'carriagereturn',
  'erase',
  'ignore',
];

/** BINARY_OPERATORS represents every spelling of every binary operator of SEMANTICS §2. */
export const BINARY_OPERATORS: readonly string[] = [
  '*',
  '/',
  '%',
  '+',
  '-',
  '++',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  '==',
  '===',
  '!=',
  '!==',
  '&&',
  '&',
  '||',
  '|',
];

/** numberText returns an arbitrary IML number literal: integers, fractions, exponents, huge and tiny values. */
export function numberText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: 1000 }).map(String),
    fc.constantFrom('0', '1', '10', '0.1', '0.2', '0.3', '3', '1.5', '2.50', '007', '1e3', '1E3', '2e-3', '1.5e+2'),
    fc.constantFrom('9007199254740993', '12345678901234567890', '1e21', '1e308', '1e400', '5e-324', '0.000001'),
    fc.tuple(fc.nat(), fc.nat({ max: 99999 })).map(([i, f]) => `${i}.${f}`),
    fc
      .tuple(fc.nat({ max: 99 }), fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.nat({ max: 30 }))
      .map(([m, e, s, x]) => `${m}${e}${s}${x}`),
  );
}

/** QUOTED_CHUNKS represents pieces of quoted text: every escape, the other quotes, braces, unicode, raw line breaks. */
const QUOTED_CHUNKS: readonly string[] = [
  '\\\\',
  "\\'",
  '\\"',
  '\\`',
  '\\n',
  '\\r',
  '\\t',
  '\\u00e9',
  '\\u263A',
  '\\uD83D\\uDE00',
  '\\d',
  '\\u12',
  '\\uzzzz',
  '\\/',
  '}}',
  '{{',
  '{',
  ' ',
  '\n',
  '😀',
  'é',
  'abc',
  '0',
  'a b',
];

/** quotedText returns arbitrary quoted text (string literal or backtick name) using the given delimiter. */
export function quotedText(quote: "'" | '"' | '`'): fc.Arbitrary<string> {
  const raw = fc.string({ maxLength: 6, unit: 'binary' }).map((s) => s.replace(/[\\'"`]/g, ''));
  const chunk = fc.oneof(fc.constantFrom(...QUOTED_CHUNKS), raw);
  return fc.array(chunk, { maxLength: 5 }).map((parts) => quote + parts.join('') + quote);
}

/** quoteWith returns `name` between the given quotes, with backslashes and those quotes escaped. */
function quoteWith(name: string, quote: string): string {
  return quote + name.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote;
}

/** functionArities returns the callable functions and their arities, read from the registry now. */
export function functionArities(options: ExpressionOptions = {}): Array<[string, Arity]> {
  const out: Array<[string, Arity]> = [];
  const skip = options.nondeterministic ? [] : NONDETERMINISTIC_FUNCTIONS;
  const names = options.functions ?? BUILTINS.names().filter((n) => !skip.includes(n));
  for (const name of names) {
    const b = BUILTINS.get(name);
    if (!b) throw new TypeError(`imlExpression: "${name}" is not a registered built-in`);
    out.push([name, { min: b.min, max: b.max }]);
  }
  for (const [name, arity] of Object.entries(options.customFunctions ?? {})) out.push([name, arity]);
  return out;
}

/**
 * imlExpression returns an arbitrary of well-formed IML expression text without braces: every literal kind and
 * escape, every path form (dot, backtick name, `[expr]`, `[]`), calls with `,` or `;` separators to registered
 * built-ins with a valid argument count, every operator spelling, parentheses and every keyword.
 * @example
 * fc.assert(fc.property(imlExpression(), (e) => { compile(`{{${e}}}`) }));
 */
export function imlExpression(options: ExpressionOptions = {}): fc.Arbitrary<string> {
  const maxDepth = Math.max(1, options.maxDepth ?? 3);
  const extra = options.maxExtraArgs ?? 2;
  const roots = options.roots ?? [...DEFAULT_ROOTS, ...(options.nondeterministic ? NONDETERMINISTIC_ROOTS : [])];
  const fns = functionArities(options);
  const ws =
    options.whitespace === false
      ? fc.constant('')
      : fc.oneof({ weight: 6, arbitrary: fc.constant('') }, fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0'));
  const sp = ws.map((w) => (w === '' ? ' ' : w));
  const literal = fc.oneof(numberText(), quotedText("'"), quotedText('"'), fc.constantFrom(...KEYWORD_TEXTS));
  const root = fc.constantFrom(...roots);

  const expr = fc.memo((n: number): fc.Arbitrary<string> => {
    const sub = n <= 1 ? fc.oneof(literal, root) : expr(n - 1);
    const segment = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(ws, fc.constantFrom(...MEMBER_NAMES)).map(([w, m]) => `${w}.${w}${m}`) },
      { weight: 2, arbitrary: fc.constantFrom(...QUOTED_NAMES).map((q) => `.${quoteWith(q, '`')}`) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            fc.integer({ min: -4, max: 4 }).map(String),
            fc.constantFrom('1.5', "'a b'", "'1'", "'-1'", "'__proto__'"),
          )
          .map((i) => `[${i}]`),
      },
      { weight: 1, arbitrary: fc.tuple(ws, ws).map(([a, b]) => `[${a}${b}]`) },
      { weight: 2, arbitrary: fc.tuple(ws, sub, ws).map(([a, e, b]) => `[${a}${e}${b}]`) },
    );
    const chain = fc.array(segment, { maxLength: 4 }).map((s) => s.join(''));
    const path = fc.tuple(root, chain).map(([r, c]) => r + c);
    const args = (arity: Arity) => {
      const most = Math.min(arity.max, arity.min + extra);
      return fc.tuple(
        fc.array(fc.tuple(ws, sub, ws), { minLength: arity.min, maxLength: most }),
        fc.constantFrom(',', ';'),
      );
    };
    const call =
      fns.length === 0
        ? path
        : fc
            .constantFrom(...fns)
            .chain(([name, arity]) =>
              fc
                .tuple(args(arity), ws, chain)
                .map(([[list, sep], w, c]) => `${name}${w}(${list.map((a) => a.join('')).join(sep)})${c}`),
            );
    const unary = fc
      .tuple(fc.constantFrom('!', '-', '+'), ws, sub)
      .map(([op, w, e]) => (op === '+' && (w + e).startsWith('+') ? `+ ${e}` : `${op}${w}${e}`));
    const binary = fc
      .tuple(sub, sp, fc.constantFrom(...BINARY_OPERATORS), sp, sub)
      .map(([l, a, op, b, r]) => `${l}${a}${op}${b}${r}`);
    const group = fc.tuple(ws, sub, ws, chain).map(([a, e, b, c]) => `(${a}${e}${b})${c}`);
    if (n <= 1) return fc.oneof(literal, path);
    return fc.oneof(
      { weight: 3, arbitrary: literal },
      { weight: 4, arbitrary: path },
      { weight: 3, arbitrary: call },
      { weight: 2, arbitrary: unary },
      { weight: 4, arbitrary: binary },
      { weight: 1, arbitrary: group },
    );
  });
  return expr(maxDepth);
}
