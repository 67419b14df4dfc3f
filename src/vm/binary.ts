import { guardSize } from '../runtime/call.js';
import { decAdd, decMul } from '../runtime/decimal.js';
import * as ops from '../runtime/ops.js';
import type { Limits } from '../source/limits.js';

/**
 * sameKind returns whether two values are primitives of the same type: then loose equality is strict equality,
 * so `a !== b` already decides `a == b` without calling looseEquals (objects, with Dates, still go there). The
 * common types are tested with literal `typeof` comparisons, which V8 compiles to type checks; `typeof a ===
 * typeof b` would call its typeof builtin twice.
 */
function sameKind(a: unknown, b: unknown): boolean {
  if (typeof a === 'string') return typeof b === 'string';
  if (typeof a === 'number') return typeof b === 'number';
  if (typeof a === 'boolean') return typeof b === 'boolean';
  const t = typeof a;
  return t === typeof b && t !== 'object';
}

/**
 * binary returns `a op b` for a binary opcode from Add to StrictNe (the K forms and PathK pass the opcode of
 * their operator). Numbers take the inline fast paths; everything else goes through runtime/ops, the functions
 * the optimizer folds with, so folding cannot disagree with execution. The case labels are Op's numbers as
 * literals (only Smi-literal cases give V8 a jump table); test/unit/opcodes.test.ts checks them.
 */
export function binary(op: number, a: unknown, b: unknown, limits: Limits): unknown {
  switch (op) {
    case 8: // Add
      if (typeof a === 'string' && typeof b === 'string') return guardSize(a + b, limits);
      return typeof a === 'number' && typeof b === 'number' ? decAdd(a, b) : guardSize(ops.add(a, b), limits);
    case 9: // Sub
      return ops.sub(a, b);
    case 10: // ForcedAdd
      return ops.forcedAdd(a, b);
    case 11: // Mul
      return typeof a === 'number' && typeof b === 'number' ? decMul(a, b) : ops.mul(a, b);
    case 12: // Div
      return ops.div(a, b);
    case 13: // Mod
      return ops.mod(a, b);
    case 14: // Lt
      return typeof a === 'number' && typeof b === 'number' ? a < b : ops.lessThan(a, b);
    case 15: // Le
      return typeof a === 'number' && typeof b === 'number' ? a <= b : ops.lessEqual(a, b);
    case 16: // Gt
      return typeof a === 'number' && typeof b === 'number' ? a > b : ops.greaterThan(a, b);
    case 17: // Ge
      return typeof a === 'number' && typeof b === 'number' ? a >= b : ops.greaterEqual(a, b);
    case 18: // Eq
      return a === b || (sameKind(a, b) ? false : ops.looseEquals(a, b));
    case 19: // Ne
      return a !== b && (sameKind(a, b) || !ops.looseEquals(a, b));
    case 20: // StrictEq
      return ops.strictEquals(a, b);
    case 21: // StrictNe
      return !ops.strictEquals(a, b);
    default:
      throw new Error(`internal: ${op} is not a binary opcode`);
  }
}
