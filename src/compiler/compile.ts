import type {
  ArrayNode,
  Binary,
  BinaryOp,
  Call,
  Ident,
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
import type { Bytecode, CallSite, CustomSite, Literal, PathSite, PathSpec, PropKey } from '../vm/program.js';
import { Emitter, intern } from './emitter.js';

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

/**
 * pathSpec returns the operand of a path instruction; array indexes of integer-text keys are worked out here.
 * `op` and `k` are PathK's operator and constant (-1 and undefined for the other path instructions).
 */
function pathSpec(rootName: string, names: (string | null)[], op = -1, k: Literal = undefined): PathSpec {
  const root = intern(rootName);
  const keys: (string | null)[] = [];
  const nums: number[] = [];
  const slots: number[] = [];
  for (const name of names) {
    // getKey reads an array element only for integer text; `[]` (null) is the first element; 0 reads nothing.
    if (name === null) {
      keys.push(null);
      nums.push(1);
      slots.push(EXACT);
      continue;
    }
    const key = intern(name);
    const c0 = key.charCodeAt(0);
    keys.push(key);
    nums.push((c0 === 45 || (c0 >= 49 && c0 <= 57)) && INTEGER_TEXT.test(key) ? Number(key) : 0);
    slots.push(slotFor(key));
  }
  const builtin = root !== '' && BUILTIN_VARIABLES.has(root);
  const rootSlot = root === '' ? EXACT : slotFor(root);
  return {
    kind: 'path',
    root,
    builtin,
    keys,
    nums,
    slots,
    rootSlot,
    op,
    k,
  };
}

/** emitPath emits a path instruction with one path. */
function emitPath(c: Compiler, op: number, spec: PathSpec, span: Span, effect: number): void {
  const site: PathSite = { kind: 'paths', and: true, paths: [spec], spans: [span.start, span.end] };
  c.e.emit(op, c.e.addConst(site), span, effect);
}

/** Chain represents a member chain split into its base expression and its keys (null for `[]`). */
interface Chain {
  base: IrNode;
  keys: (string | null)[];
}

/** chainOf returns the base and keys of a node read as a member chain (`a.b.c[]`; no keys for anything else). */
function chainOf(node: IrNode): Chain {
  const keys: (string | null)[] = [];
  let base: IrNode = node;
  while (base.kind === 'Member' || (base.kind === 'Index' && base.index === null)) {
    keys.push(base.kind === 'Member' ? base.name : null);
    base = base.object;
  }
  return { base, keys: keys.reverse() };
}

/**
 * compileChain compiles a member chain (`a.b.c[]`) as one fused instruction: LoadPath from a root variable, or
 * GetPath after whatever expression the chain starts from.
 */
function compileChain(c: Compiler, node: Member | Index): void {
  const { base, keys } = chainOf(node);
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
 * compileBinary emits `a op b`. With a constant right operand it emits the K form (`f(a) > 100` is Call1, GtK):
 * one dispatch less, and the right operand read from the pool; when the left operand is a path from a variable
 * too, the load and the operator are one PathK (`a.b > 100`).
 */
function compileBinary(c: Compiler, node: Binary): void {
  const op = binaryOp(c, node);
  const k = kFormOf(op);
  if (node.right.kind === 'Literal' && k !== undefined) {
    const { base, keys } = chainOf(node.left);
    if (base.kind === 'Ident') {
      const spec = pathSpec(base.name, keys, op, c.e.literal(node.right.value));
      emitPath(c, Op.PathK, spec, node.span, 1);
      return;
    }
    compileNode(c, node.left);
    c.e.emit(k, c.e.addConst(node.right.value), node.span, 0);
    return;
  }
  compileNode(c, node.left);
  compileNode(c, node.right);
  c.e.emit(op, 0, node.span, -1);
}

/** binaryOp returns the opcode of a binary operator (`=`/`!=` by strictEquality). */
function binaryOp(c: Compiler, node: Binary): number {
  const strict = c.options.strictEquality;
  if (node.op === '=') return strict ? Op.StrictEq : Op.Eq;
  if (node.op === '!=') return strict ? Op.StrictNe : Op.Ne;
  return BINARY_OPS[node.op];
}

/** logicalOperands returns the operands of a chain of one logical operator (`a && b && c`), in order. */
function logicalOperands(node: Logical, out: IrNode[] = []): IrNode[] {
  for (const side of [node.left, node.right]) {
    if (side.kind === 'Logical' && side.op === node.op) logicalOperands(side, out);
    else out.push(side);
  }
  return out;
}

/**
 * pathOperand returns the path instruction an operand of a condition would compile to (a path from a variable,
 * or such a path with a constant-operand operator), or undefined. Built-in variables are left out: their values
 * come from the run state, which the loop owns.
 */
function pathOperand(c: Compiler, node: IrNode): { path: Chain; op: number; k: Literal } | undefined {
  let op = -1;
  let k: Literal;
  let target = node;
  if (node.kind === 'Binary' && node.right.kind === 'Literal') {
    op = binaryOp(c, node);
    k = node.right.value;
    target = node.left;
  }
  const path = chainOf(target);
  if (path.base.kind !== 'Ident' || BUILTIN_VARIABLES.has(path.base.name)) return undefined;
  return { path, op, k };
}

/**
 * compileLogical emits `a && b` / `a || b`: the deciding operand stays on the stack when the jump is taken. A
 * chain of one operator whose operands are all paths or path comparisons (`body.id > 100 && body.ok`) is one
 * AndPaths/OrPaths instruction instead, with each operand's span for its operator's errors.
 */
function compileLogical(c: Compiler, node: Logical): void {
  const operands = logicalOperands(node);
  const fused = operands.map((o) => pathOperand(c, o));
  if (fused.every((f) => f !== undefined)) {
    const paths = fused.map(({ path, op, k }) =>
      pathSpec((path.base as Ident).name, path.keys, op, op < 0 ? undefined : c.e.literal(k)),
    );
    const spans = operands.flatMap((o) => [o.span.start, o.span.end]);
    const site: PathSite = { kind: 'paths', and: node.op === '&&', paths, spans };
    c.e.emit(site.and ? Op.AndPaths : Op.OrPaths, c.e.addConst(site), node.span, 1);
    return;
  }
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
    if (entry.spread) c.e.emit(Op.Spread, 0, entry.value.span, -1);
    else {
      const key = intern(entry.key);
      const prop: PropKey = { kind: 'prop', key, slot: slotFor(key) };
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
