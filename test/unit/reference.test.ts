import { describe, expect, it } from 'vitest';
import { asContext, compileReference, wrapInternal } from '../../src/reference/program.js';
import { ImlError } from '../../src/source/error.js';
import { catchError } from '../support/cases.js';

describe('reference interpreter', () => {
  it('keeps its source and runs against many contexts (reentrant)', () => {
    const template = { greeting: 'Hi {{body.name}}' };
    const calls: unknown[] = [];
    const p = compileReference('{{body.name}}:{{inner(body.name)}}', {
      functions: {
        inner(name: unknown) {
          calls.push(name);
          return name === 'outer' ? inner.run({ body: { name: 'nested' } }) : name;
        },
      },
    });
    const inner = compileReference('{{body.name}}');
    expect(compileReference(template).source).toBe(template);
    expect(p.run({ body: { name: 'outer' } })).toBe('outer:nested');
    expect(p.run({ body: { name: 'b' } })).toBe('b:b');
    expect(calls).toEqual(['outer', 'b']);
  });

  it('if / ifempty / switch evaluate only what they need', () => {
    const seen: unknown[] = [];
    const functions = {
      t(x: unknown) {
        seen.push(x);
        return x;
      },
    };
    compileReference("{{if(t(1), t('a'), t('b'))}}", { functions }).run({});
    compileReference("{{ifempty(t(''), t('x'), t('y'))}}", { functions }).run({});
    compileReference("{{switch(t(2), t(1), t('one'), t(2), t('two'), t(3), t('three'))}}", { functions }).run({});
    expect(seen).toEqual([1, 'a', '', 'x', 2, 1, 2, 'two']);
  });

  it('strict calls evaluate every argument once, left to right', () => {
    const seen: unknown[] = [];
    const t = (x: unknown) => {
      seen.push(x);
      return x;
    };
    compileReference('{{get(t(1), t(2))}}{{t(3) && t(4)}}{{t(0) || t(5)}}', { functions: { t } }).run({});
    expect(seen).toEqual([1, 2, 3, 4, 0, 5]);
  });

  it('custom functions: this.timezone, ImlErrors pass through, other errors become runtime/function', () => {
    const functions = {
      zone(this: { timezone: string }) {
        return this.timezone;
      },
      typed() {
        throw new ImlError('runtime/type', 'Not a date');
      },
      broken() {
        throw new TypeError('oops');
      },
      nonError() {
        throw 'a string';
      },
    };
    expect(compileReference('{{zone()}}', { functions }).run({}, { timezone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    const typed = catchError(() => compileReference(' {{typed()}}', { functions }).run({}));
    expect([typed.code, typed.column, typed.reason]).toEqual(['runtime/type', 4, 'Not a date']);
    const broken = catchError(() => compileReference('{{broken()}}', { functions }).run({}));
    expect([broken.code, broken.reason]).toEqual(['runtime/function', 'Function "broken" failed: oops']);
    expect(broken.cause).toBeInstanceOf(TypeError);
    expect(catchError(() => compileReference('{{nonError()}}', { functions }).run({})).reason).toBe(
      'Function "nonError" failed: a string',
    );
  });

  it('counts evaluated nodes against maxSteps', () => {
    const p = compileReference('{{a + b}}', { limits: { maxSteps: 3 } });
    expect(p.run({ a: 1, b: 2 })).toBe(3);
    const e = catchError(() => compileReference('{{a + b}}', { limits: { maxSteps: 2 } }).run({ a: 1, b: 2 }));
    expect([e.code, e.line, e.column]).toEqual(['runtime/limit', 1, 7]);
    expect(e.reason).toBe('Evaluation took more than 2 steps (limits.maxSteps)');
  });

  it('RunOptions.limits override CompileOptions.limits for one run', () => {
    const p = compileReference("{{'abc' + 'def'}}", { limits: { maxStringLength: 3 } });
    expect(catchError(() => p.run({})).code).toBe('runtime/limit');
    expect(p.run({}, { limits: { maxStringLength: 10 } })).toBe('abcdef');
  });

  it('guards the size of every produced string and array', () => {
    const limits = { maxStringLength: 4, maxArrayLength: 2 };
    expect(catchError(() => compileReference('ab{{body}}', { limits }).run({ body: 'cde' })).code).toBe(
      'runtime/limit',
    );
    expect(catchError(() => compileReference(['a', 'b', 'c'], { limits }).run({})).code).toBe('runtime/limit');
    expect(
      catchError(() => compileReference('{{f()}}', { limits, functions: { f: () => [1, 2, 3] } }).run({})).code,
    ).toBe('runtime/limit');
    expect(compileReference('{{body}}', { limits }).run({ body: 'long text' })).toBe('long text');
  });

  it('a non-object context is an empty context', () => {
    expect(asContext(null)).toEqual({});
    expect(asContext('x')).toEqual({});
    const ctx = { a: 1 };
    expect(asContext(ctx)).toBe(ctx);
    expect(compileReference('{{a}}').run(null as never)).toBeUndefined();
  });

  it('wrapInternal turns a stack overflow into runtime/limit and leaves other errors alone', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    const wrapped = wrapInternal(overflow) as ImlError;
    expect(wrapped).toBeInstanceOf(ImlError);
    expect([wrapped.code, wrapped.cause]).toEqual(['runtime/limit', overflow]);
    const other = new RangeError('Invalid array length');
    expect(wrapInternal(other)).toBe(other);
  });

  it('strictEquality is a compile option', () => {
    expect(compileReference("{{1 = '1'}}").run({})).toBe(true);
    expect(compileReference("{{1 = '1'}}", { strictEquality: true }).run({})).toBe(false);
  });
});
