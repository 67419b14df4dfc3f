import { internalize } from '../runtime/value.js';
import type { SourceSet } from '../source/source-set.js';
import type { Span } from '../source/span.js';
import { OPERAND, Op, OpName } from '../vm/opcodes.js';
import { Bytecode, type Constant, type Literal } from '../vm/program.js';

/** INTERNALIZE_MAX represents the longest string constant the emitter internalizes. */
const INTERNALIZE_MAX = 64;

/** INTERNED_MAX represents how many internalized strings intern() remembers (later ones are internalized anew). */
const INTERNED_MAX = 4096;
const interned = new Map<string, string>();

/**
 * intern returns internalize(s), remembered for strings up to INTERNALIZE_MAX long: internalize builds an object
 * per call (~150-300 ns, most of a small compile's path operands), a Map hit costs one hash of the text.
 */
export function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  const v = internalize(s);
  if (s.length <= INTERNALIZE_MAX && interned.size < INTERNED_MAX) interned.set(v, v);
  return v;
}

/** ON_HEAP_MAX represents the largest typed array (in bytes) V8 allocates on its heap instead of an own store. */
const ON_HEAP_MAX = 64;
/** SLAB_SIZE represents the size of the buffers that programs' instruction arrays are carved from. */
const SLAB_SIZE = 4096;
/** SLAB_MAX represents the largest share of a slab one program takes; a larger program gets its own buffer. */
const SLAB_MAX = 1024;

let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;

/**
 * storage returns a buffer and the offset of `bytes` free bytes in it (8-aligned). Allocating an ArrayBuffer costs
 * ~1 µs (an off-heap store the collector tracks), as much as the rest of compiling a small template, so small
 * programs share slabs, as Node's Buffer pool does: a live program keeps at most one 4 KiB slab alive.
 */
function storage(bytes: number): [ArrayBuffer, number] {
  if (bytes > SLAB_MAX) return [new ArrayBuffer(bytes), 0];
  if (slabUsed + bytes > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += (bytes + 7) & ~7;
  return [slab, at];
}

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
  addConst(constant: Constant, key?: string): number {
    if (typeof constant === 'object' && constant !== null && key === undefined) return this.push(constant);
    const value = typeof constant === 'object' && constant !== null ? constant : this.literal(constant);
    if (Object.is(value, -0)) {
      if (this.negZero < 0) this.negZero = this.push(value);
      return this.negZero;
    }
    const k = typeof value === 'object' && value !== null ? `\u0000${key}` : value;
    const known = this.constIndex.get(k);
    if (known !== undefined) return known;
    const i = this.push(value);
    this.constIndex.set(k, i);
    return i;
  }

  /**
   * literal returns a literal as an instruction will hold it, noting the longest string: short strings are
   * internalized, so comparing one with data (`status == 'active'`) can be a pointer test.
   */
  literal(value: Literal): Literal {
    if (typeof value !== 'string') return value;
    if (value.length > this.maxConstString) this.maxConstString = value.length;
    return value.length <= INTERNALIZE_MAX ? intern(value) : value;
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
    const n = this.code.length;
    let code: Uint8Array;
    let args: Int32Array;
    let spans: Int32Array;
    if (n * 8 <= ON_HEAP_MAX) {
      code = new Uint8Array(n);
      args = new Int32Array(n);
      spans = new Int32Array(2 * n);
    } else {
      // Larger arrays would each allocate an off-heap store: they are views of one shared buffer instead.
      const argsAt = (n + 3) & ~3;
      const [buffer, at] = storage(argsAt + n * 12);
      code = new Uint8Array(buffer, at, n);
      args = new Int32Array(buffer, at + argsAt, n);
      spans = new Int32Array(buffer, at + argsAt + n * 4, 2 * n);
    }
    // A plain loop: constructing a typed array from an array, or .set(), measured 2-3x slower at these sizes.
    for (let i = 0; i < n; i++) {
      code[i] = this.code[i] as number;
      args[i] = this.args[i] as number;
      spans[2 * i] = this.spans[2 * i] as number;
      spans[2 * i + 1] = this.spans[2 * i + 1] as number;
    }
    return new Bytecode(code, args, spans, this.consts, sources, this.maxDepth, this.maxConstString);
  }
}
