import { describe, expect, it } from 'vitest';
import { disassemble } from '../../src/debug.js';
import { type CompileOptions, compile, ImlError } from '../../src/index.js';
import type { VmProgram } from '../../src/pipeline.js';
import { Op, OpName } from '../../src/vm/opcodes.js';
import type { Bytecode, PathSite, PathSpec } from '../../src/vm/program.js';

/** ops returns the opcode names of a compiled template (unoptimized unless asked). */
function ops(src: unknown, options: CompileOptions = { optimize: false }): string[] {
  const bc = (compile(src, options) as VmProgram).bytecode;
  return [...bc.code].map((op) => OpName[op] as string);
}

function bytecode(src: unknown, options: CompileOptions = { optimize: false }): Bytecode {
  return (compile(src, options) as VmProgram).bytecode;
}

/** site returns the operand of the first instruction of a program (a path instruction's PathSite). */
function site(bc: Bytecode): PathSite {
  return bc.consts[bc.args[0] as number] as PathSite;
}

/** paths returns the paths of the first instruction of a compiled template (unoptimized unless asked). */
function paths(src: unknown, options: CompileOptions = {}): readonly PathSpec[] {
  return site(bytecode(src, { optimize: false, ...options })).paths;
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
    expect(ops("{{upper(a) != 'x'}}", { strictEquality: true, optimize: false })).toContain('StrictNeK');
    expect(paths("{{a != 'x'}}", { strictEquality: true }).map((p) => p.op)).toEqual([Op.StrictNe]);
    expect(paths("{{a = 'x' || b != 1}}").map((p) => p.op)).toEqual([Op.Eq, Op.Ne]);
    expect(paths("{{a = 'x' || b != 1}}", { strictEquality: true }).map((p) => p.op)).toEqual([
      Op.StrictEq,
      Op.StrictNe,
    ]);
  });

  it('uses the constant-operand form of a binary operator when its right operand is a constant', () => {
    expect(ops('{{upper(a) * 1.2}}')).toEqual(['LoadVar', 'Call1', 'MulK', 'Return']);
    expect(ops('{{1.2 * a}}')).toEqual(['Const', 'LoadVar', 'Mul', 'Return']);
    expect(ops('{{(a + 1) * 2}}')).toEqual(['PathK', 'MulK', 'Return']);
    expect(ops('{{-a - 1}}')).toEqual(['LoadVar', 'Neg', 'SubK', 'Return']);
    expect(disassemble(compile("{{a > 100 && b = 'x'}}"))).toMatch(/AndPaths\s+\d+\s+a > 100 && b == "x"/);
  });

  it.each([
    ['{{a * 1.2}}', 'a', Op.Mul, 1.2],
    ["{{a.b.c[] = 'x'}}", 'a', Op.Eq, 'x'],
    ['{{a.`b c` <= 0.5}}', 'a', Op.Le, 0.5],
    ['{{a != null}}', 'a', Op.Ne, null],
    ['{{a.b ++ undefined}}', 'a', Op.ForcedAdd, undefined],
    // A built-in variable too: the loop gives the path its value from the run state.
    ['{{pi > 3}}', 'pi', Op.Gt, 3],
  ])('fuses a path from a variable and an operator with a constant into one PathK: %s', (src, root, op, k) => {
    expect(ops(src)).toEqual(['PathK', 'Return']);
    const [p] = paths(src);
    expect([p?.root, p?.op, p?.k]).toEqual([root, op, k]);
  });

  it('keeps the keys of a PathK path, with the array index each integer key means', () => {
    const [p] = paths('{{a.items.`2`.b[] > 0}}');
    expect(p?.keys).toEqual(['items', '2', 'b', null]);
    expect(p?.nums).toEqual([0, 2, 0, 1]);
    // The optimizer turns constant indexes into keys first.
    expect(paths("{{a[1]['b'] > 2}}", { optimize: true })[0]?.keys).toEqual(['1', 'b']);
    expect(ops('{{a > -1}}', {})).toEqual(['PathK', 'Return']);
  });

  it.each([
    ['{{a > b}}', ['LoadVar', 'LoadVar', 'Gt', 'Return']],
    ['{{1 < a}}', ['Const', 'LoadVar', 'Lt', 'Return']],
    ['{{upper(a) > 1}}', ['LoadVar', 'Call1', 'GtK', 'Return']],
    ["{{get(a, 'b').c > 1}}", ['LoadVar', 'Const', 'Call2', 'GetPath', 'GtK', 'Return']],
    ['{{a[1] > 1}}', ['LoadVar', 'Const', 'GetIndex', 'GtK', 'Return']],
    ['{{a[b].c > 1}}', ['LoadVar', 'LoadVar', 'GetIndex', 'GetPath', 'GtK', 'Return']],
    ['{{!a = true}}', ['LoadVar', 'Not', 'EqK', 'Return']],
    ['{{(a || b) > 1}}', ['OrPaths', 'GtK', 'Return']],
  ])('uses no PathK when the left operand is not a path from a variable or the right no constant: %s', (src, want) => {
    expect(ops(src)).toEqual(want);
  });

  it.each([
    ['{{a && b.c}}', 'AndPaths', ['a', 'b']],
    ['{{a || b.c || d[]}}', 'OrPaths', ['a', 'b', 'd']],
    ["{{a > 1 && b = 'x' && c}}", 'AndPaths', ['a', 'b', 'c']],
    // One operator chained through parentheses is one instruction: `&&` and `||` are associative.
    ['{{(a && b) && (c && d)}}', 'AndPaths', ['a', 'b', 'c', 'd']],
    ['{{a.x || (a.y || a.z)}}', 'OrPaths', ['a', 'a', 'a']],
  ])('compiles a condition of paths and path comparisons to one instruction: %s', (src, op, roots) => {
    expect(ops(src)).toEqual([op, 'Return']);
    expect(paths(src).map((p) => p.root)).toEqual(roots);
  });

  it.each([
    ['{{a || b && c}}', ['LoadVar', 'JumpIfTrueOrPop', 'AndPaths', 'Return']],
    ['{{a && (b || c)}}', ['LoadVar', 'JumpIfFalseOrPop', 'OrPaths', 'Return']],
    ['{{a && upper(b)}}', ['LoadVar', 'JumpIfFalseOrPop', 'LoadVar', 'Call1', 'Return']],
    ['{{a && true}}', ['LoadVar', 'JumpIfFalseOrPop', 'Const', 'Return']],
    ['{{a > b && c}}', ['LoadVar', 'LoadVar', 'Gt', 'JumpIfFalseOrPop', 'LoadVar', 'Return']],
    ['{{!a || b}}', ['LoadVar', 'Not', 'JumpIfTrueOrPop', 'LoadVar', 'Return']],
    ['{{a[b] && c}}', ['LoadVar', 'LoadVar', 'GetIndex', 'JumpIfFalseOrPop', 'LoadVar', 'Return']],
    ['{{(a + 1) * 2 && b}}', ['PathK', 'MulK', 'JumpIfFalseOrPop', 'LoadVar', 'Return']],
    // Built-in variables take their value from the run state, which only the loop has.
    ['{{a && now}}', ['LoadVar', 'JumpIfFalseOrPop', 'LoadVar', 'Return']],
    ['{{pi > 3 || a}}', ['PathK', 'JumpIfTrueOrPop', 'LoadVar', 'Return']],
  ])('keeps the jumps when an operand of the condition is not a path: %s', (src, want) => {
    expect(ops(src)).toEqual(want);
  });

  it('gives each operand of AndPaths/OrPaths its own span, where its operator fails', () => {
    // `{{a > 1 && b.c}}`: `a > 1` is [2, 7), `b.c` is [11, 14); the instruction has the span of the whole `&&`.
    const bc = bytecode('{{a > 1 && b.c}}');
    expect(site(bc).spans).toEqual([2, 7, 11, 14]);
    expect([...bc.spans.slice(0, 2)]).toEqual([2, 14]);
    expect(site(bytecode("{{  a.b = 'y'}}")).spans).toEqual([4, 13]);
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
