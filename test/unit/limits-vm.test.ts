// Limits in the VM (SEMANTICS §8, STYLE rule 10): steps, string and array growth, stack size, nested runs.
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile, evaluate, type ImlError, type RunOptions } from '../../src/index.js';
import { compileReference } from '../../src/reference/program.js';
import { catchError } from '../support/cases.js';

/** both returns the errors of the VM (optimized) and of the reference interpreter for the same run. */
function both(src: unknown, env: Record<string, unknown>, options: CompileOptions & RunOptions) {
  return [
    catchError(() => compile(src, options).run(env, options)),
    catchError(() => compile(src, { ...options, optimize: false }).run(env, options)),
    catchError(() => compileReference(src, options).run(env, options)),
  ];
}

const MB = 1024 * 1024;

describe('VM limits', () => {
  it('stops a runaway evaluation at maxSteps with runtime/limit at the failing instruction', () => {
    const big = Array.from({ length: 5000 }, (_, i) => `{{a + ${i}}}`);
    expect(compile(big).run({ a: 1 })).toHaveLength(5000);
    const err = catchError(() => compile(big, { limits: { maxSteps: 1000 } }).run({ a: 1 }));
    expect(err.code).toBe('runtime/limit');
    expect(err.message).toMatch(/more than 1000 steps/);
    expect(err.path).toMatch(/^\$\[\d+\]$/);
    expect(catchError(() => compile(big).run({ a: 1 }, { limits: { maxSteps: 10 } })).code).toBe('runtime/limit');
  });

  it('keeps normal templates far below the default step limit', () => {
    const p = compile('{{if(a > 1, upper(b) + c.d[1], ifempty(e, f))}} and {{switch(g, 1, 2, 3)}}');
    expect(() => p.run({}, { limits: { maxSteps: 40 } })).not.toThrow();
  });

  it('fails doubling a 1 MB string past maxStringLength, as + , as a template and as a call result', () => {
    const env = { s: 'x'.repeat(MB) };
    const limits = { maxStringLength: 1.5 * MB };
    for (const [src, column] of [
      ['{{s + s}}', 3],
      ['{{s}}{{s}}', 1],
      ["{{replace(s, 'x', 'xx')}}", 3],
    ] as const) {
      for (const err of both(src, env, { limits })) {
        expect(err.code).toBe('runtime/limit');
        expect(err.column).toBe(column);
        expect(err.message).toMatch(/maxStringLength/);
      }
    }
    expect((evaluate('{{s + s}}', env) as string).length).toBe(2 * MB);
  });

  it('fails arrays over maxArrayLength, built from a JSON array or returned by a call', () => {
    for (const err of both(['{{a}}', '{{a}}', '{{a}}'], { a: 1 }, { limits: { maxArrayLength: 2 } })) {
      expect(err.code).toBe('runtime/limit');
    }
    for (const err of both("{{split(s, ',')}}", { s: 'a,b,c' }, { limits: { maxArrayLength: 2 } })) {
      expect(err.code).toBe('runtime/limit');
      expect(err.column).toBe(3);
    }
  });

  it('checks folded text against a smaller maxStringLength given at run time', () => {
    const src = "{{'abc' + 'def'}}-{{x}}";
    const p = compile(src);
    expect(p.run({ x: 1 })).toBe('abcdef-1');
    const options = { limits: { maxStringLength: 4 } };
    const [vm, , ref] = both(src, { x: 1 }, options) as [ImlError, ImlError, ImlError];
    expect(vm.code).toBe('runtime/limit');
    expect([vm.code, vm.column]).toEqual([ref.code, ref.column]);
  });

  it('runs programs whose stack is bigger than the shared one, and huge objects', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '{{a}}' : i));
    const out = compile(items).run({ a: 'x' }) as unknown[];
    expect(out).toHaveLength(100_000);
    expect(out[99_999]).toBe('x');
    const obj = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, '{{a}}']));
    expect(Object.keys(compile(obj).run({ a: 1 }) as object)).toHaveLength(50_000);
    expect(compile('{{a}}').run({ a: 2 })).toBe(2);
  });

  it('turns runaway nesting of runs (a custom function evaluating itself) into an ImlError, not a crash', () => {
    const functions: Record<string, (...a: unknown[]) => unknown> = {};
    functions.again = () => evaluate('{{again()}}', {}, { functions });
    const err = catchError(() => evaluate('{{again()}}', {}, { functions }));
    expect(['runtime/limit', 'runtime/function']).toContain(err.code);
    expect(evaluate('{{1 + 1}}')).toBe(2);
  });
});
