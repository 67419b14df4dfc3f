/**
 * Op represents every VM instruction as a numeric literal, defined once (STYLE rule 2). The comment of each entry
 * gives its operand and its stack effect; the semantics live in runtime/ (ops.ts, value.ts, render.ts, call.ts).
 */
export const Op = Object.freeze({
  /** const: push consts[arg]. */
  Const: 0,
  /** const (PathSpec without keys): push the root variable. */
  LoadVar: 1,
  /** const (PathSpec): push a root variable followed through a fused chain of member keys. */
  LoadPath: 2,
  /** const (PathSpec): pop a value, push it followed through a fused chain of member keys. */
  GetPath: 3,
  /** none: pop index, pop object, push object[index] (1-based, negative from the end). */
  GetIndex: 4,
  /** none: `!a`. */
  Not: 5,
  /** none: `-a`. */
  Neg: 6,
  /** none: `+a`. */
  Plus: 7,
  /** none: `a + b`, guarded by maxStringLength. */
  Add: 8,
  /** none: `a - b`. */
  Sub: 9,
  /** none: `a ++ b`. */
  ForcedAdd: 10,
  /** none: `a * b`. */
  Mul: 11,
  /** none: `a / b`. */
  Div: 12,
  /** none: `a % b`. */
  Mod: 13,
  /** none: `a < b`. */
  Lt: 14,
  /** none: `a <= b`. */
  Le: 15,
  /** none: `a > b`. */
  Gt: 16,
  /** none: `a >= b`. */
  Ge: 17,
  /** none: loose `a == b`. */
  Eq: 18,
  /** none: loose `a != b`. */
  Ne: 19,
  /** none: `a === b` (strictEquality). */
  StrictEq: 20,
  /** none: `a !== b` (strictEquality). */
  StrictNe: 21,
  /** jump: continue at the relative target. */
  Jump: 22,
  /** jump: pop; jump when falsy (`if`). */
  JumpIfFalse: 23,
  /** jump: when the top is falsy jump and keep it, else pop it (`&&`). */
  JumpIfFalseOrPop: 24,
  /** jump: when the top is truthy jump and keep it, else pop it (`||`). */
  JumpIfTrueOrPop: 25,
  /** jump: when the top is not empty jump and keep it, else pop it (`ifempty`). */
  JumpIfNotEmptyOrPop: 26,
  /** none: replace the top with its text rendering (`switch` subject). */
  Render: 27,
  /** jump: pop a case and render it; unequal to the subject text below it: jump, else pop the subject too. */
  JumpIfNoMatch: 28,
  /** none: pop. */
  Pop: 29,
  /** builtin: call a strict built-in with 1 argument. */
  Call1: 30,
  /** builtin: call a strict built-in with 2 arguments. */
  Call2: 31,
  /** builtin: call a strict built-in with 3 arguments. */
  Call3: 32,
  /** const (CallSite): call a strict built-in with any number of arguments. */
  CallN: 33,
  /** const (CustomSite): call a custom function. */
  CallCustom: 34,
  /** count: pop n values, push the concatenation of their renderings (text template). */
  Concat: 35,
  /** count: pop n values, push them as a fresh array. */
  MakeArray: 36,
  /** none: push a fresh empty object. */
  NewObject: 37,
  /** const (key): pop a value and, unless it is undefined, set it as an own property of the object below it. */
  SetProp: 38,
  /** none: pop a value and, when it is a plain object, copy its own properties into the object below it. */
  Spread: 39,
  /** const: `a + k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Add). */
  AddK: 40,
  /** const: `a - k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Sub). */
  SubK: 41,
  /** const: `a ++ k` with the constant k = consts[arg] as right operand (one instruction instead of Const + ForcedAdd). */
  ForcedAddK: 42,
  /** const: `a * k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Mul). */
  MulK: 43,
  /** const: `a / k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Div). */
  DivK: 44,
  /** const: `a % k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Mod). */
  ModK: 45,
  /** const: `a < k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Lt). */
  LtK: 46,
  /** const: `a <= k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Le). */
  LeK: 47,
  /** const: `a > k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Gt). */
  GtK: 48,
  /** const: `a >= k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Ge). */
  GeK: 49,
  /** const: `loose a == k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Eq). */
  EqK: 50,
  /** const: `loose a != k` with the constant k = consts[arg] as right operand (one instruction instead of Const + Ne). */
  NeK: 51,
  /** const: `a === k` with the constant k = consts[arg] as right operand (one instruction instead of Const + StrictEq). */
  StrictEqK: 52,
  /** const: `a !== k` with the constant k = consts[arg] as right operand (one instruction instead of Const + StrictNe). */
  StrictNeK: 53,
  /** none: stop and return the top of the stack. */
  Return: 54,
  /**
   * const (PathKSite): push `path op k`: a path load and a binary operator with a constant right operand in one
   * instruction (`body.id > 100`, `item.status = 'paid'`), the commonest shape of a condition.
   */
  PathK: 55,
  /**
   * const (CondSite): push `a && b && ...`: the first falsy or else the last value of path operands, each a path
   * load or a PathK (`body.id > 100 && body.status = 'active'`), read in order and only as far as needed.
   */
  AndPaths: 56,
  /** const (CondSite): push `a || b || ...`: the first truthy or else the last value of path operands. */
  OrPaths: 57,
} as const);

/** K_OPS represents the binary opcodes with a constant right operand, in the order of BINARY_OPS. */
export const K_OPS: readonly number[] = [
  Op.AddK,
  Op.SubK,
  Op.ForcedAddK,
  Op.MulK,
  Op.DivK,
  Op.ModK,
  Op.LtK,
  Op.LeK,
  Op.GtK,
  Op.GeK,
  Op.EqK,
  Op.NeK,
  Op.StrictEqK,
  Op.StrictNeK,
];

/** kFormOf returns the constant-operand opcode of a binary opcode (Add → AddK), or undefined. */
export function kFormOf(op: number): number | undefined {
  const i = BINARY.indexOf(op);
  return i < 0 ? undefined : K_OPS[i];
}

/** K_SHIFT represents the distance from a binary opcode to its K form (AddK - Add), the same for all of them. */
export const K_SHIFT = Op.AddK - Op.Add;

const BINARY: readonly number[] = [
  Op.Add,
  Op.Sub,
  Op.ForcedAdd,
  Op.Mul,
  Op.Div,
  Op.Mod,
  Op.Lt,
  Op.Le,
  Op.Gt,
  Op.Ge,
  Op.Eq,
  Op.Ne,
  Op.StrictEq,
  Op.StrictNe,
];

/** Op represents one opcode number. */
export type Op = (typeof Op)[keyof typeof Op];

/** OpKey represents the name of an opcode. */
export type OpKey = keyof typeof Op;

/** OP_COUNT represents the number of opcodes (expr's OpEnd sentinel): every opcode is below it. */
export const OP_COUNT = Object.keys(Op).length;

/** OpName represents the name of each opcode, indexed by its number. */
export const OpName: readonly OpKey[] = (() => {
  const names: OpKey[] = [];
  for (const key of Object.keys(Op) as OpKey[]) names[Op[key]] = key;
  return Object.freeze(names);
})();

/**
 * OperandKind represents what an instruction's argument means: nothing, a constant-pool index, a relative jump
 * (from the next instruction), a built-in registry index, or a count of stack values.
 */
export type OperandKind = 'none' | 'const' | 'jump' | 'builtin' | 'count';

/** OPERAND represents the operand kind of each opcode, indexed by its number. */
export const OPERAND: readonly OperandKind[] = (() => {
  const kinds: OperandKind[] = new Array(OP_COUNT).fill('none');
  for (const op of [
    Op.Const,
    Op.LoadVar,
    Op.LoadPath,
    Op.GetPath,
    Op.CallN,
    Op.CallCustom,
    Op.SetProp,
    Op.PathK,
    Op.AndPaths,
    Op.OrPaths,
    ...K_OPS,
  ]) {
    kinds[op] = 'const';
  }
  for (const op of [
    Op.Jump,
    Op.JumpIfFalse,
    Op.JumpIfFalseOrPop,
    Op.JumpIfTrueOrPop,
    Op.JumpIfNotEmptyOrPop,
    Op.JumpIfNoMatch,
  ]) {
    kinds[op] = 'jump';
  }
  for (const op of [Op.Call1, Op.Call2, Op.Call3]) kinds[op] = 'builtin';
  for (const op of [Op.Concat, Op.MakeArray]) kinds[op] = 'count';
  return Object.freeze(kinds);
})();
