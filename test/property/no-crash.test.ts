// Property: any string whatsoever either compiles (and runs) or throws ImlError; nothing else, and no hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, ImlError } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { imlExpression, imlTemplate } from '../../src/testing/index.js';

/** FRAGMENTS represents IML-ish pieces whose random mixes reach deep into the lexer and parser. */
const FRAGMENTS = [
  '{{',
  '}}',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '.',
  '`',
  "'",
  '"',
  '\\',
  '\\u',
  '+',
  '++',
  '-',
  '!',
  '=',
  '==',
  '!==',
  '<=',
  '&',
  '||',
  ',',
  ';',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  'a',
  'body',
  '_$',
  '1',
  '1.5',
  '1e',
  '.5',
  'if',
  'get',
  'upper',
  'ifempty',
  'switch',
  'emptyarray',
  'null',
  '__proto__',
  'constructor',
  '😀',
  '\ud800',
  '\u0000',
  '\u200b',
  '#',
  '?',
  ':',
];

const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((p) => p.join(''));

/** mutated returns generated templates with random insertions, deletions and replacements. */
const mutated = fc
  .tuple(
    imlTemplate({ valueDepth: 0 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...FRAGMENTS, '')), { maxLength: 4 }),
  )
  .map(([t, edits]) => {
    let s = String(t);
    for (const [at, del, ins] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fragments,
  fragments.map((s) => `{{${s}}}`),
  imlExpression().map((e) => `{{${e}`),
  imlExpression().map((e) => `${e}}}`),
  mutated,
);

/** compileOrImlError returns how long compiling and running took; it fails on any exception but ImlError. */
function compileOrImlError(text: string, way: 'reference' | 'compile'): number {
  const start = performance.now();
  try {
    const program = way === 'reference' ? compileReference(text) : compile(text);
    program.run({ body: { a: 1 } }, { now: new Date(0) });
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    expect(e.code).toMatch(/^(syntax|compile|runtime)\//);
    // No custom function and no getter here: runtime/function would be an engine bug wrapped as data's fault.
    expect(e.code, e.message).not.toBe('runtime/function');
    if (e.code.startsWith('syntax/')) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
    }
  }
  return performance.now() - start;
}

describe('no-crash', () => {
  for (const way of ['reference', 'compile'] as const) {
    it(`${way}: any string compiles or throws ImlError, quickly`, () => {
      let slowest = 0;
      fc.assert(
        fc.property(anyString, (text) => {
          slowest = Math.max(slowest, compileOrImlError(text, way));
        }),
        { numRuns: 1000 },
      );
      expect(slowest).toBeLessThan(1000);
    });
  }

  it('every syntax error message ends with the offending line and a caret', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        try {
          compile(text);
        } catch (e) {
          if (!(e instanceof ImlError)) throw e;
          if (e.line === undefined) return;
          const lines = e.message.split('\n');
          const caret = lines[lines.length - 1] as string;
          expect(caret.trimEnd().endsWith('^')).toBe(true);
          expect(lines[0]).toContain(`(${e.line}:${e.column})`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
