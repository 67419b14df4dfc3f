import type { CustomFunction } from '../runtime/builtins/resolve.js';
import type { SourceSet } from '../source/source-set.js';

/**
 * PathSpec represents the operand of a fused path load: an optional root variable and a chain of member keys.
 * `keys[i]` is the property name (null for `[]`, the first element); `nums[i]` is the 1-based array index the
 * key means on an array (0, which reads nothing, when the key is no integer text), worked out at compile time.
 */
export interface PathSpec {
  readonly kind: 'path';
  /** The root variable name ('' for GetPath, which starts from a stack value). */
  readonly root: string;
  /** Whether the root is one of SEMANTICS §4's built-in variables (read from the run state when not in the context). */
  readonly builtin: boolean;
  readonly keys: readonly (string | null)[];
  readonly nums: readonly number[];
  /** The property-load slot of each key and of the root (see vm/access.ts); they never change a result. */
  readonly slots: readonly number[];
  readonly rootSlot: number;
}

/** CallSite represents the operand of CallN: which built-in, with how many arguments. */
export interface CallSite {
  readonly kind: 'call';
  readonly index: number;
  readonly name: string;
  readonly argc: number;
}

/** CustomSite represents the operand of CallCustom: the embedder's function, its IML name and argument count. */
export interface CustomSite {
  readonly kind: 'custom';
  readonly fn: CustomFunction;
  readonly name: string;
  readonly argc: number;
}

/** PropKey represents the operand of SetProp: the property name and its store slot (see vm/access.ts). */
export interface PropKey {
  readonly kind: 'prop';
  readonly key: string;
  readonly slot: number;
}

/** Constant represents one constant-pool entry: a literal value or an instruction's structured operand. */
export type Constant = string | number | boolean | null | undefined | PathSpec | CallSite | CustomSite | PropKey;

/**
 * Bytecode represents a compiled program as parallel typed arrays (STYLE rule 4): `code[i]` is the opcode of
 * instruction i, `args[i]` its one fixed-width operand, and `spans[2i]`/`spans[2i+1]` the global source range the
 * VM reports when instruction i fails; `sources` binds those offsets to line, column and JSON path.
 */
export class Bytecode {
  /**
   * The value stack kept for this program's next run (null while a run holds it). A run that finds it taken (the
   * same program run again from inside a custom function) makes its own, so runs stay reentrant. Keeping it per
   * program, not per module, measured ~5 ns less per run: V8 handles the object field better than a module variable.
   */
  spare: unknown[] | null = null;

  constructor(
    readonly code: Uint8Array,
    readonly args: Int32Array,
    readonly spans: Int32Array,
    readonly consts: readonly Constant[],
    readonly sources: SourceSet,
    /** The most values the program ever holds on the stack (computed by the compiler). */
    readonly maxStack: number,
    /** The length of the longest string constant (a run with a smaller maxStringLength takes the unfolded program). */
    readonly maxConstString: number,
  ) {}

  /** length returns the number of instructions. */
  get length(): number {
    return this.code.length;
  }
}
