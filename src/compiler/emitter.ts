import type { SourceSet } from '../source/source-set.js';
import type { Span } from '../source/span.js';
import { OPERAND, Op, OpName } from '../vm/opcodes.js';
import { Bytecode, type Constant } from '../vm/program.js';

/** Label represents the position of an emitted jump whose target is patched later. */
export type Label = number;

/**
 * Emitter represents a program under construction: parallel instruction lists, a deduplicated constant pool, and
 * the stack depth along the fall-through path, from which the program's maximum stack size is known.
 */
export class Emitter {
  private readonly code: number[] = [];
  private readonly args: number[] = [];
  private readonly spans: number[] = [];
  private readonly consts: Constant[] = [];
  private readonly constIndex = new Map<unknown, number>();
  private negZero = -1;
  private maxConstString = 0;
  /** The number of values on the stack after the last emitted instruction (fall-through path). */
  depth = 0;
  private maxDepth = 0;

  /** emit returns the index of a new instruction; `effect` is its net change of the stack depth. */
  emit(op: number, arg: number, span: Span, effect: number): number {
    if (OPERAND[op] === undefined) throw new Error(`internal: unknown opcode ${op}`);
    this.code.push(op);
    this.args.push(arg);
    this.spans.push(span.start, span.end);
    this.move(effect);
    return this.code.length - 1;
  }

  /** move changes the tracked stack depth (for instructions and for paths that join at a label). */
  move(effect: number): void {
    this.depth += effect;
    if (this.depth < 0) throw new Error('internal: stack underflow in emitted code');
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  /**
   * addConst returns the pool index of a constant. Primitives are deduplicated by SameValue (so -0 and NaN keep
   * their identity); structured operands are deduplicated by the caller's key.
   */
  addConst(value: Constant, key?: string): number {
    if (typeof value === 'string' && value.length > this.maxConstString) this.maxConstString = value.length;
    if (Object.is(value, -0)) {
      if (this.negZero < 0) this.negZero = this.push(value);
      return this.negZero;
    }
    const k = typeof value === 'object' && value !== null ? `\u0000${key ?? this.consts.length}` : value;
    const known = this.constIndex.get(k);
    if (known !== undefined) return known;
    const i = this.push(value);
    this.constIndex.set(k, i);
    return i;
  }

  private push(value: Constant): number {
    this.consts.push(value);
    return this.consts.length - 1;
  }

  /** emitJump returns the label of a forward jump whose target is not known yet (patched by patchJump). */
  emitJump(op: number, span: Span, effect: number): Label {
    if (OPERAND[op] !== 'jump') throw new Error(`internal: ${OpName[op]} is not a jump`);
    return this.emit(op, 0, span, effect);
  }

  /** patchJump makes the jump at `label` continue at the next instruction to be emitted. */
  patchJump(label: Label): void {
    // Relative to the instruction after the jump, which is where the VM's pc points once it moves on.
    this.args[label] = this.code.length - label - 1;
  }

  /** finish returns the Bytecode of everything emitted, ended by Return. */
  finish(sources: SourceSet, span: Span): Bytecode {
    if (this.depth !== 1) throw new Error(`internal: ${this.depth} values on the stack at Return`);
    this.emit(Op.Return, 0, span, 0);
    return new Bytecode(
      // The array-like constructors copy directly; `.from` would go through the iterator protocol.
      new Uint8Array(this.code),
      new Int32Array(this.args),
      new Int32Array(this.spans),
      this.consts,
      sources,
      this.maxDepth,
      this.maxConstString,
    );
  }
}
