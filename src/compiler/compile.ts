import type {
  ArrayNode,
  Binary,
  BinaryOp,
  Call,
  Index,
  IrNode,
  Logical,
  Member,
  ObjectNode,
  Template,
  Unary,
} from '../ir/nodes.js';
import { type FunctionTable, resolveFunction } from '../runtime/builtins/resolve.js';
import { BUILTIN_VARIABLES } from '../runtime/variables.js';
import type { SourceSet } from '../source/source-set.js';
import type { Span } from '../source/span.js';
import { EXACT, slotFor } from '../vm/access.js';
import { kFormOf, Op } from '../vm/opcodes.js';
import type { Bytecode, CallSite, CustomSite, PathSpec, PropKey } from '../vm/program.js';
import { Emitter } from './emitter.js';

/** CompilerOptions represents what changes the code the compiler emits. */
export interface CompilerOptions {
  /** The functions calls resolve to (the checker has already validated every call). */
  table: FunctionTable;
  /** `=`/`!=` compile to StrictEq/StrictNe instead of Eq/Ne. */
  strictEquality: boolean;
}

/** Compiler represents one compilation: the emitter and the options every compile function reads. */
interface Compiler {
  e: Emitter;
  options: CompilerOptions;
}

const BINARY_OPS: Readonly<Record<Exclude<BinaryOp, '=' | '!='>, number>> = {
  '+': Op.Add,
  '-': Op.Sub,
  '++': Op.ForcedAdd,
  '*': Op.Mul,
  '/': Op.Div,
  '%': Op.Mod,
  '<': Op.Lt,
  '<=': Op.Le,
  '>': Op.Gt,
  '>=': Op.Ge,
};

const UNARY_OPS = { '!': Op.Not, '-': Op.Neg, '+': Op.Plus } as const;

const INTEGER_TEXT = /^-?[1-9][0-9]*$/;

/** pathSpec returns the operand of a path instruction; array indexes of integer-text keys are worked out here. */
function pathSpec(root: string, keys: (string | null)[]): PathSpec {
  // getKey reads an array element only for integer text; `[]` (null) is the first element; 0 reads nothing.
  const nums = keys.map((k) => (k === null ? 1 : INTEGER_TEXT.test(k) ? Number(k) : 0));
  const slots = keys.map((k) => (k === null ? EXACT : slotFor(k)));
  const builtin = root !== '' && BUILTIN_VARIABLES.has(root);
  return { kind: 'path', root, builtin, keys, nums, slots, rootSlot: root === '' ? EXACT : slotFor(root) };
}

function emitPath(c: Compiler, op: number, spec: PathSpec, span: Span, effect: number): void {
  c.e.emit(op, c.e.addConst(spec), span, effect);
}

/**
 * compileChain compiles a member chain (`a.b.c[]`) as one fused instruction: LoadPath from a root variable, or
 * GetPath after whatever expression the chain starts from.
 */
function compileChain(c: Compiler, node: Member | Index): void {
  const keys: (string | null)[] = [];
  let base: IrNode = node;
  while (base.kind === 'Member' || (base.kind === 'Index' && base.index === null)) {
    keys.push(base.kind === 'Member' ? base.name : null);
    base = base.object;
  }
  keys.reverse();
  if (base.kind === 'Ident') {
    emitPath(c, Op.LoadPath, pathSpec(base.name, keys), node.span, 1);
  } else {
    compileNode(c, base);
    emitPath(c, Op.GetPath, pathSpec('', keys), node.span, 0);
  }
}

function compileIndex(c: Compiler, node: Index): void {
  if (node.index === null) {
    compileChain(c, node);
    return;
  }
  compileNode(c, node.object);
  compileNode(c, node.index);
  c.e.emit(Op.GetIndex, 0, node.span, -1);
}

function compileUnary(c: Compiler, node: Unary): void {
  compileNode(c, node.operand);
  c.e.emit(UNARY_OPS[node.op], 0, node.span, 0);
}

/**
 * compileBinary emits `a op b`; with a constant right operand it emits the K form (`a > 100` is LoadPath, GtK):
 * one dispatch less, and the right operand read from the pool.
 */
function compileBinary(c: Compiler, node: Binary): void {
  compileNode(c, node.left);
  const strict = c.options.strictEquality;
  let op: number;
  if (node.op === '=') op = strict ? Op.StrictEq : Op.Eq;
  else if (node.op === '!=') op = strict ? Op.StrictNe : Op.Ne;
  else op = BINARY_OPS[node.op];
  const k = kFormOf(op);
  if (node.right.kind === 'Literal' && k !== undefined) {
    c.e.emit(k, c.e.addConst(node.right.value), node.span, 0);
    return;
  }
  compileNode(c, node.right);
  c.e.emit(op, 0, node.span, -1);
}

/** compileLogical emits `a && b` / `a || b`: the deciding operand stays on the stack when the jump is taken. */
function compileLogical(c: Compiler, node: Logical): void {
  compileNode(c, node.left);
  const op = node.op === '&&' ? Op.JumpIfFalseOrPop : Op.JumpIfTrueOrPop;
  const end = c.e.emitJump(op, node.span, -1);
  compileNode(c, node.right);
  c.e.patchJump(end);
}

/** compileIf emits `if(c, a, b)` as jumps: only the chosen branch runs. */
function compileIf(c: Compiler, node: Call): void {
  const [cond, then, otherwise] = node.args as [IrNode, IrNode, IrNode | undefined];
  const depth = c.e.depth;
  compileNode(c, cond);
  const elseLabel = c.e.emitJump(Op.JumpIfFalse, node.span, -1);
  compileNode(c, then);
  const end = c.e.emitJump(Op.Jump, node.span, 0);
  c.e.patchJump(elseLabel);
  c.e.depth = depth;
  if (otherwise) compileNode(c, otherwise);
  else c.e.emit(Op.Const, c.e.addConst(undefined), node.span, 1);
  c.e.patchJump(end);
}

/** compileIfempty emits `ifempty(a, b, ...)`: the first argument that is not empty, else the last one. */
function compileIfempty(c: Compiler, node: Call): void {
  const ends: number[] = [];
  const last = node.args.length - 1;
  for (let i = 0; i < last; i++) {
    compileNode(c, node.args[i] as IrNode);
    ends.push(c.e.emitJump(Op.JumpIfNotEmptyOrPop, node.span, -1));
  }
  compileNode(c, node.args[last] as IrNode);
  for (const end of ends) c.e.patchJump(end);
}

/**
 * compileSwitch emits `switch(value, case, result, ..., default)`: the subject's text stays on the stack while
 * the cases are compared in order; only the matching result (or the default) runs.
 */
function compileSwitch(c: Compiler, node: Call): void {
  const args = node.args;
  const depth = c.e.depth;
  compileNode(c, args[0] as IrNode);
  c.e.emit(Op.Render, 0, node.span, 0);
  const ends: number[] = [];
  let i = 1;
  for (; i + 1 < args.length; i += 2) {
    compileNode(c, args[i] as IrNode);
    const next = c.e.emitJump(Op.JumpIfNoMatch, node.span, -2);
    compileNode(c, args[i + 1] as IrNode);
    ends.push(c.e.emitJump(Op.Jump, node.span, 0));
    c.e.patchJump(next);
    c.e.depth = depth + 1; // no match: the subject's text is still there
  }
  c.e.emit(Op.Pop, 0, node.span, -1);
  if (i < args.length) compileNode(c, args[i] as IrNode);
  else c.e.emit(Op.Const, c.e.addConst(undefined), node.span, 1);
  for (const end of ends) c.e.patchJump(end);
}

const LAZY: Readonly<Record<string, (c: Compiler, node: Call) => void>> = {
  if: compileIf,
  ifempty: compileIfempty,
  switch: compileSwitch,
};

/** FIXED_CALLS represents the fixed-arity call opcodes by argument count (no built-in takes zero arguments). */
const FIXED_CALLS: readonly (number | undefined)[] = [undefined, Op.Call1, Op.Call2, Op.Call3];

function compileCall(c: Compiler, node: Call): void {
  const r = resolveFunction(node.name, c.options.table);
  if (!r) throw new Error(`internal: unresolved function ${node.name} after check`);
  if (r.kind === 'builtin' && r.builtin.lazy) {
    const lazy = LAZY[r.builtin.name];
    if (!lazy) throw new Error(`internal: no jump form for the lazy built-in ${r.builtin.name}`);
    lazy(c, node);
    return;
  }
  for (const arg of node.args) compileNode(c, arg);
  const argc = node.args.length;
  const effect = 1 - argc;
  if (r.kind === 'custom') {
    const site: CustomSite = { kind: 'custom', fn: r.fn, name: node.name, argc };
    c.e.emit(Op.CallCustom, c.e.addConst(site), node.span, effect);
  } else if (FIXED_CALLS[argc] !== undefined) {
    c.e.emit(FIXED_CALLS[argc], r.index, node.span, effect);
  } else {
    const site: CallSite = { kind: 'call', index: r.index, name: node.name, argc };
    c.e.emit(Op.CallN, c.e.addConst(site, `call:${r.index}:${argc}`), node.span, effect);
  }
}

/**
 * mayThrow returns whether evaluating a node can raise an error. Constants, variables and member chains never do
 * (SEMANTICS §5); everything that calls a function or an operator might.
 */
function mayThrow(c: Compiler, node: IrNode): boolean {
  switch (node.kind) {
    case 'Literal':
    case 'Ident':
      return false;
    case 'Member':
      return mayThrow(c, node.object);
    case 'Index':
      return mayThrow(c, node.object) || (node.index !== null && mayThrow(c, node.index));
    case 'Logical':
      return mayThrow(c, node.left) || mayThrow(c, node.right);
    case 'Call': {
      // `if` and `ifempty` only choose among their arguments; `switch` renders values, which can fail.
      const r = resolveFunction(node.name, c.options.table);
      const choice = r?.kind === 'builtin' && (r.builtin.name === 'if' || r.builtin.name === 'ifempty');
      return !choice || node.args.some((a) => mayThrow(c, a));
    }
    default:
      return true;
  }
}

/**
 * compileTemplate emits a text template: its parts, then one Concat that renders and joins them. The reference
 * renders each part before it evaluates the next, so a part is rendered at once (Render) whenever a later part
 * could fail: the first failure in source order is then the one reported.
 */
function compileTemplate(c: Compiler, node: Template): void {
  const parts = node.parts;
  const laterMayThrow: boolean[] = [];
  let seen = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    laterMayThrow[i] = seen;
    seen ||= mayThrow(c, parts[i] as IrNode);
  }
  parts.forEach((part, i) => {
    compileNode(c, part);
    const isText = part.kind === 'Literal' && typeof part.value === 'string';
    if (laterMayThrow[i] && !isText) c.e.emit(Op.Render, 0, node.span, 0);
  });
  c.e.emit(Op.Concat, parts.length, node.span, 1 - parts.length);
}

function compileArray(c: Compiler, node: ArrayNode): void {
  for (const item of node.items) compileNode(c, item);
  c.e.emit(Op.MakeArray, node.items.length, node.span, 1 - node.items.length);
}

/** compileObject builds an object property by property, as the reference does (a spread lands where it stands). */
function compileObject(c: Compiler, node: ObjectNode): void {
  c.e.emit(Op.NewObject, 0, node.span, 1);
  for (const entry of node.entries) {
    compileNode(c, entry.value);
    if (entry.spread) c.e.emit(Op.Spread, 0, node.span, -1);
    else {
      const prop: PropKey = { kind: 'prop', key: entry.key, slot: slotFor(entry.key) };
      c.e.emit(Op.SetProp, c.e.addConst(prop), node.span, -1);
    }
  }
}

/** compileNode emits the code that leaves the value of a node on the stack. */
function compileNode(c: Compiler, node: IrNode): void {
  switch (node.kind) {
    case 'Literal':
      c.e.emit(Op.Const, c.e.addConst(node.value), node.span, 1);
      return;
    case 'Ident':
      emitPath(c, Op.LoadVar, pathSpec(node.name, []), node.span, 1);
      return;
    case 'Member':
      compileChain(c, node);
      return;
    case 'Index':
      compileIndex(c, node);
      return;
    case 'Unary':
      compileUnary(c, node);
      return;
    case 'Binary':
      compileBinary(c, node);
      return;
    case 'Logical':
      compileLogical(c, node);
      return;
    case 'Call':
      compileCall(c, node);
      return;
    case 'Template':
      compileTemplate(c, node);
      return;
    case 'Array':
      compileArray(c, node);
      return;
    case 'Object':
      compileObject(c, node);
      return;
  }
}

/**
 * compileIr returns the bytecode of a checked (and possibly optimized) IR tree. Every instruction that can fail
 * carries the span of the node the reference interpreter would blame, so both report the same position.
 * @example
 * const { ir, sources } = parseValue('{{body.user.name}}');
 * compileIr(ir, sources, { table: EMPTY_TABLE, strictEquality: false }); // LoadPath body.user.name; Return
 */
export function compileIr(ir: IrNode, sources: SourceSet, options: CompilerOptions): Bytecode {
  const c: Compiler = { e: new Emitter(), options };
  compileNode(c, ir);
  return c.e.finish(sources, ir.span);
}
