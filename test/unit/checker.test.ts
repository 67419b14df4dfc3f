import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/check.js';
import { parseTemplate, parseValue } from '../../src/parser/parse.js';
import { BUILTINS } from '../../src/runtime/builtins/index.js';
import { EMPTY_TABLE, functionTable } from '../../src/runtime/builtins/resolve.js';
import { ImlError } from '../../src/source/error.js';

function checkError(text: string, table = EMPTY_TABLE): ImlError {
  try {
    check(parseTemplate(text), table);
  } catch (e) {
    if (e instanceof ImlError) return e;
    throw e;
  }
  throw new Error('expected an ImlError');
}

describe('check', () => {
  it('accepts known functions with valid argument counts', () => {
    expect(() => check(parseTemplate('{{if(a, upper(b), lower(c))}}'), EMPTY_TABLE)).not.toThrow();
    expect(() => check(parseTemplate('{{ifempty(a, b, c, d, e)}}'), EMPTY_TABLE)).not.toThrow();
  });

  it('unknown-function spans the function name only', () => {
    const e = checkError('{{ upper(nope(1, 2)) }}');
    expect([e.code, e.offset, e.end, e.reason]).toEqual(['compile/unknown-function', 9, 13, 'Unknown function "nope"']);
  });

  it('arity spans the function name and says what it takes', () => {
    expect(checkError('{{get(1)}}').reason).toBe('Function "get" takes 2 arguments, got 1');
    expect(checkError('{{upper(1, 2)}}').reason).toBe('Function "upper" takes 1 argument, got 2');
    expect(checkError('{{if()}}').reason).toBe('Function "if" takes 2 to 3 arguments, got 0');
    expect(checkError('{{switch(1)}}').reason).toBe('Function "switch" takes at least 3 arguments, got 1');
    const e = checkError('{{  switch(1)}}');
    expect([e.code, e.offset, e.end]).toEqual(['compile/arity', 4, 10]);
  });

  it('reports the first offending call in source order', () => {
    expect(checkError('{{a(b())}}').reason).toBe('Unknown function "a"');
    expect(checkError('{{upper() + b()}}').code).toBe('compile/arity');
    expect(checkError('{{x(1)}} {{upper()}}').code).toBe('compile/unknown-function');
  });

  it('checks calls in every part of a value, dead branches included', () => {
    expect(() => check(parseValue({ a: ['{{if(false, nope())}}'] }).ir, EMPTY_TABLE)).toThrow(
      /Unknown function "nope"/,
    );
    expect(() => check(parseValue({ '{{...}}': '{{nope()}}' }).ir, EMPTY_TABLE)).toThrow(ImlError);
  });

  it('every registered built-in has a sane arity', () => {
    for (const b of BUILTINS.list) {
      expect(b.min, b.name).toBeGreaterThanOrEqual(0);
      expect(b.max, b.name).toBeGreaterThanOrEqual(b.min);
      expect(Number.isInteger(b.min), b.name).toBe(true);
      expect(Number.isInteger(b.max) || b.max === Number.POSITIVE_INFINITY, b.name).toBe(true);
      const args = Array.from({ length: b.min }, () => '1').join(', ');
      expect(() => check(parseTemplate(`{{${b.name}(${args})}}`), EMPTY_TABLE), b.name).not.toThrow();
      if (b.min > 0) {
        const fewer = Array.from({ length: b.min - 1 }, () => '1').join(', ');
        expect(checkError(`{{${b.name}(${fewer})}}`).code, b.name).toBe('compile/arity');
      }
      if (b.max !== Number.POSITIVE_INFINITY) {
        const more = Array.from({ length: b.max + 1 }, () => '1').join(', ');
        expect(checkError(`{{${b.name}(${more})}}`).code, b.name).toBe('compile/arity');
      }
    }
  });
});

describe('functionTable', () => {
  it('custom functions are called with any number of arguments', () => {
    const table = functionTable({ mine: () => 1 });
    expect(() => check(parseTemplate('{{mine()}}{{mine(1, 2, 3, 4, 5, 6)}}'), table)).not.toThrow();
  });

  it('a custom function named like a built-in needs overrideBuiltins', () => {
    expect(() => functionTable({ upper: () => 1 })).toThrow(
      expect.objectContaining({ code: 'compile/invalid-option' }),
    );
    const table = functionTable({ upper: () => 1 }, true);
    expect(() => check(parseTemplate('{{upper()}}'), table)).not.toThrow();
  });

  it('a custom function must be a function', () => {
    expect(() => functionTable({ x: 1 as never })).toThrow(expect.objectContaining({ code: 'compile/invalid-option' }));
  });

  it('inherited names are not functions', () => {
    expect(checkError('{{hasOwnProperty(1)}}', functionTable({})).code).toBe('compile/unknown-function');
    expect(checkError('{{valueOf()}}').code).toBe('compile/unknown-function');
  });
});
