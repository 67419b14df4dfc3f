import { describe, expect, it } from 'vitest';
import { disassemble } from '../../src/debug.js';
import { type CompileOptions, compile, ImlError } from '../../src/index.js';
import type { VmProgram } from '../../src/pipeline.js';
import { OpName } from '../../src/vm/opcodes.js';

/** ops returns the opcode names of a compiled template (unoptimized unless asked). */
function ops(src: unknown, options: CompileOptions = { optimize: false }): string[] {
  const bc = (compile(src, options) as VmProgram).bytecode;
  return [...bc.code].map((op) => OpName[op] as string);
}

function maxStack(src: unknown): number {
  return (compile(src, { optimize: false }) as VmProgram).bytecode.maxStack;
}

describe('compiler', () => {
  it.each([
    ['{{a.b.c[]}}', ['LoadPath', 'Return']],
    ['{{a}}', ['LoadVar', 'Return']],
    ["{{get(a, 'b').c.d}}", ['LoadVar', 'Const', 'Call2', 'GetPath', 'Return']],
    ['{{a.b[c].d}}', ['LoadPath', 'LoadVar', 'GetIndex', 'GetPath', 'Return']],
    ['{{a[1]}}', ['LoadVar', 'Const', 'GetIndex', 'Return']],
  ])('fuses member chains: %s', (src, want) => {
    expect(ops(src)).toEqual(want);
  });

  it('fuses constant indexes into the path when optimizing', () => {
    expect(ops("{{a[1]['b'].c}}", {})).toEqual(['LoadPath', 'Return']);
    expect(disassemble(compile("{{a[1]['b c']}}"))).toContain('a.`1`.`b c`');
  });

  it.each([
    ['{{upper(a)}}', 'Call1'],
    ["{{get(a, 'b')}}", 'Call2'],
    ['{{substring(a, 1, 2)}}', 'Call3'],
    ["{{pick(a, 'b', 'c', 'd')}}", 'CallN'],
  ])('calls built-ins by arity: %s', (src, op) => {
    expect(ops(src)).toContain(op);
  });

  it('compiles if/ifempty/switch to jumps, but calls a custom function that overrides them', () => {
    for (const src of ['{{if(a, b, c)}}', '{{ifempty(a, b)}}', "{{switch(a, 'x', 1)}}"]) {
      expect(ops(src).some((op) => op.startsWith('Call'))).toBe(false);
    }
    const options = { functions: { if: () => 'custom' }, overrideBuiltins: true, optimize: false };
    expect(ops('{{if(a, b, c)}}', options)).toEqual(['LoadVar', 'LoadVar', 'LoadVar', 'CallCustom', 'Return']);
    expect(compile('{{if(true, 1, 2)}}', { ...options, optimize: true }).run({})).toBe('custom');
  });

  it('chooses the equality opcodes by strictEquality', () => {
    expect(ops('{{a = b}}')).toContain('Eq');
    expect(ops("{{a != 'x'}}", { strictEquality: true, optimize: false })).toContain('StrictNeK');
  });

  it('uses the constant-operand form of a binary operator when its right operand is a constant', () => {
    expect(ops('{{a * 1.2}}')).toEqual(['LoadVar', 'MulK', 'Return']);
    expect(ops('{{1.2 * a}}')).toEqual(['Const', 'LoadVar', 'Mul', 'Return']);
    expect(disassemble(compile("{{a > 100 && b = 'x'}}"))).toMatch(/GtK\s+\d+\s+100[\s\S]*EqK\s+\d+\s+"x"/);
  });

  it('renders a text part early only when a later part can fail', () => {
    expect(ops('{{a}}{{b.c}}')).not.toContain('Render');
    expect(ops('{{a}}{{if(x, b, c)}}')).not.toContain('Render');
    expect(ops('{{a}}-{{upper(b)}}')).toEqual(['LoadVar', 'Render', 'Const', 'LoadVar', 'Call1', 'Concat', 'Return']);
  });

  it('computes the deepest stack of a program', () => {
    expect(maxStack('{{a}}')).toBe(1);
    expect(maxStack('{{a + (b + (c + d))}}')).toBe(4);
    expect(maxStack(['{{a}}', '{{b}}', '{{c}}'])).toBe(3);
    expect(maxStack({ x: { y: '{{a}}' } })).toBe(3);
    // On a match the subject and the case are both popped before the result runs.
    expect(maxStack("{{switch(a, 'x', b + c, 'y')}}")).toBe(2);
    expect(maxStack('{{switch(a, b + c, 1)}}')).toBe(3);
  });

  it('gives operators and calls the span of their node (what the reference blames)', () => {
    const listing = disassemble(compile('{{ a + upper(b) }}', { optimize: false })).split('\n');
    expect(listing.find((l) => l.includes(' Add '))).toMatch(/@1:4$/);
    expect(listing.find((l) => l.includes(' Call1 '))).toMatch(/@1:8$/);
  });

  it('raises compile errors inside branches the optimizer removes', () => {
    for (const src of ['{{if(true, 1, nope())}}', '{{false && upper(1, 2)}}', "{{switch(1, 1, 'a', upper())}}"]) {
      expect(() => compile(src)).toThrow(ImlError);
    }
    expect(() => compile('{{if(true, 1, nope())}}')).toThrow(/Unknown function "nope"/);
  });

  it('compiles an IML value with one program for all its templates', () => {
    const p = compile({ a: '{{x}}', b: ['{{x + 1}}', 'lit'], c: null, d: 2.5, e: true });
    expect(p.run({ x: 1 })).toStrictEqual({ a: 1, b: [2, 'lit'], c: null, d: 2.5, e: true });
    expect(p.source).toStrictEqual({ a: '{{x}}', b: ['{{x + 1}}', 'lit'], c: null, d: 2.5, e: true });
  });

  it('disassemble refuses programs without bytecode', async () => {
    const { compileReference } = await import('../../src/reference/program.js');
    expect(() => disassemble(compileReference('{{a}}'))).toThrow(TypeError);
  });
});
