// Custom functions (CompileOptions.functions, SEMANTICS §6): `this.timezone`, errors wrapped as runtime/function
// with the original as `cause` and the call's position, and the rules for names of built-ins.
import { describe, expect, it } from 'vitest';
import { compile, evaluate, type FunctionThis } from '../../../src/index.js';
import { catchError } from '../../support/cases.js';

describe('custom functions', () => {
  it('see the run timezone as this.timezone (default UTC)', () => {
    const functions = {
      zone(this: FunctionThis) {
        return this.timezone;
      },
    };
    const program = compile('{{zone()}}', { functions });
    expect(program.run({}, { timezone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(program.run()).toBe('UTC');
  });

  it('receive evaluated arguments and may return any value', () => {
    const functions = { pair: (a: unknown, b: unknown) => ({ a, b }) };
    expect(evaluate("{{pair(1 + 1, upper('x'))}}", {}, { functions })).toEqual({ a: 2, b: 'X' });
    expect(evaluate("{{formatDate(stamp(), 'YYYY')}}", {}, { functions: { stamp: () => new Date(0) } })).toBe('1970');
  });

  it('wrap a thrown error as runtime/function with the cause and the call position', () => {
    const boom = new Error('boom');
    const functions = {
      fail: () => {
        throw boom;
      },
    };
    const e = catchError(() => evaluate('{{\n  1 + fail()\n}}', {}, { functions }));
    expect([e.code, e.line, e.column]).toEqual(['runtime/function', 2, 7]);
    expect(e.cause).toBe(boom);
    expect(e.message).toContain('boom');
  });

  it('wrap a thrown non-Error value too', () => {
    const functions = {
      fail: () => {
        throw 'plain text';
      },
    };
    const e = catchError(() => evaluate('{{fail()}}', {}, { functions }));
    expect([e.code, e.cause]).toEqual(['runtime/function', 'plain text']);
  });

  it('give undefined instead of a returned JS function', () => {
    const functions = { fn: () => () => 1 };
    expect(evaluate({ a: '{{fn()}}', b: 1 }, {}, { functions })).toEqual({ b: 1 });
  });

  it('may not take the name of a built-in unless overrideBuiltins is set', () => {
    const functions = { upper: (s: unknown) => `custom ${String(s)}` };
    expect(catchError(() => compile('{{upper("a")}}', { functions })).code).toBe('compile/invalid-option');
    expect(evaluate('{{upper("a")}}', {}, { functions, overrideBuiltins: true })).toBe('custom a');
  });

  it('are not folded: a custom function runs on every run', () => {
    let calls = 0;
    const program = compile('{{count()}}', { functions: { count: () => ++calls } });
    expect([program.run(), program.run()]).toEqual([1, 2]);
  });
});
