import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/compiler/emitter.js';
import { SourceSet } from '../../src/source/source-set.js';
import { Op } from '../../src/vm/opcodes.js';

const at = { start: 0, end: 0 };

describe('Emitter', () => {
  it('deduplicates primitive constants by SameValue (-0 and 0 apart, NaN with NaN, null and undefined apart)', () => {
    const e = new Emitter();
    expect(e.addConst('a')).toBe(e.addConst('a'));
    expect(e.addConst(0)).not.toBe(e.addConst(-0));
    expect(e.addConst(-0)).toBe(e.addConst(-0));
    expect(e.addConst(Number.NaN)).toBe(e.addConst(Number.NaN));
    expect(e.addConst(null)).not.toBe(e.addConst(undefined));
    expect(e.addConst(1)).not.toBe(e.addConst('1'));
  });

  it('deduplicates structured operands by the key the caller gives, and never without one', () => {
    const e = new Emitter();
    const site = { kind: 'call', index: 1, name: 'x', argc: 4 } as const;
    expect(e.addConst(site, 'k')).toBe(e.addConst({ ...site }, 'k'));
    expect(e.addConst(site)).not.toBe(e.addConst(site));
  });

  it('patches forward jumps relative to the next instruction', () => {
    const e = new Emitter();
    e.emit(Op.Const, e.addConst(true), at, 1);
    const jump = e.emitJump(Op.JumpIfFalse, at, -1);
    e.emit(Op.Const, e.addConst(1), at, 1);
    e.emit(Op.Pop, 0, at, -1);
    e.patchJump(jump);
    e.emit(Op.Const, e.addConst(2), at, 1);
    const bc = e.finish(new SourceSet(), at);
    expect(bc.args[jump]).toBe(2); // from instruction 2 to 4
    expect(bc.code[bc.length - 1]).toBe(Op.Return);
  });

  it('tracks the deepest stack and refuses underflow, non-jumps as jumps, and unbalanced programs', () => {
    const e = new Emitter();
    for (let i = 0; i < 3; i++) e.emit(Op.Const, e.addConst(i), at, 1);
    e.emit(Op.MakeArray, 3, at, -2);
    expect(e.finish(new SourceSet(), at).maxStack).toBe(3);
    expect(() => new Emitter().emit(Op.Pop, 0, at, -1)).toThrow(/underflow/);
    expect(() => new Emitter().emitJump(Op.Add, at, 0)).toThrow(/not a jump/);
    expect(() => new Emitter().finish(new SourceSet(), at)).toThrow(/0 values on the stack/);
    expect(() => new Emitter().emit(99, 0, at, 0)).toThrow(/unknown opcode/);
  });

  it('records the span of every instruction and the longest string constant', () => {
    const e = new Emitter();
    e.emit(Op.Const, e.addConst('abcd'), { start: 3, end: 9 }, 1);
    const bc = e.finish(new SourceSet(), { start: 1, end: 2 });
    expect([...bc.spans]).toEqual([3, 9, 1, 2]);
    expect(bc.maxConstString).toBe(4);
  });
});
