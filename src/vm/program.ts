import type { CustomFunction } from '../runtime/builtins/resolve.js';
import type { SourceSet } from '../source/source-set.js';
import { Op } from './opcodes.js';

/**
 * PathSpec represents one fused path load: an optional root variable and a chain of member keys, with PathK's
 * operator and constant. `keys[i]` is the property name (null for `[]`, the first element); `nums[i]` is the
 * 1-based array index the key means on an array (0, which reads nothing, when the key is no integer text),
 * worked out at compile time.
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
  /** PathK's binary opcode (Add..StrictNe), applied to the path's value and the constant k; -1 for other paths. */
  readonly op: number;
  readonly k: Literal;
}

/**
 * PathSite represents the operand of the path instructions (LoadVar, LoadPath, GetPath, PathK: one path;
 * AndPaths/OrPaths: several, in order) and the source span of each path (start, end), where an operator's
 * failure is reported.
 */
export interface PathSite {
  readonly kind: 'paths';
  /** `&&` (AndPaths) or `||` (OrPaths) between the paths. */
  readonly and: boolean;
  readonly paths: readonly PathSpec[];
  readonly spans: readonly number[];
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

/** Literal represents a constant value of the language. */
export type Literal = string | number | boolean | null | undefined;

/** Constant represents one constant-pool entry: a literal value or an instruction's structured operand. */
export type Constant = Literal | PathSite | CallSite | CustomSite | PropKey;

/**
 * Form represents the shape of a whole program, worked out when it is built: a program of one instruction (and
 * Return) runs that instruction without entering the VM loop. The commonest templates are such programs: one
 * constant (`{{1}}`, folded text), one path load (`{{body.user.name}}`), one comparison or condition
 * (`{{body.id > 100 && body.status = 'active'}}`). The result is exactly the loop's, errors and positions too.
 */
export const Form = Object.freeze({
  /** Any other program: run by the loop. */
  Loop: 0,
  /** `Const; Return`. */
  Const: 1,
  /** `PathK; Return`, `AndPaths; Return` or `OrPaths; Return`. */
  Paths: 2,
  /** `LoadVar; Return` or `LoadPath; Return`: one path, no operator (the commonest template, `{{body.name}}`). */
  Path: 3,
} as const);

/**
 * formOf returns the Form of a program from its instructions and the operand of the first. A path from a
 * built-in variable (`now.x`) runs on the loop, which owns the run state.
 */
function formOf(code: Uint8Array, first: Constant): number {
  if (code.length !== 2 || code[1] !== Op.Return) return Form.Loop;
  switch (code[0]) {
    case Op.Const:
      return Form.Const;
    case Op.LoadVar:
    case Op.LoadPath:
      return (first as PathSite).paths[0]?.builtin ? Form.Loop : Form.Path;
    case Op.PathK:
    case Op.AndPaths:
    case Op.OrPaths:
      return (first as PathSite).paths.some((p) => p.builtin) ? Form.Loop : Form.Paths;
    default:
      return Form.Loop;
  }
}

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
  /** The whole-program fast form (see Form). */
  readonly form: number;
  /** The number of instructions. */
  readonly size: number;
  /** The operand of the first instruction, which a whole-program fast form runs. */
  readonly first: Constant;

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
  ) {
    this.size = code.length;
    this.first = consts[args[0] as number];
    this.form = formOf(code, this.first);
  }

  /** length returns the number of instructions. */
  get length(): number {
    return this.size;
  }
}
