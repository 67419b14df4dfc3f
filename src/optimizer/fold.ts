import { type Binary, type IrNode, literalNode, type Unary } from '../ir/nodes.js';
import { guardSize } from '../runtime/call.js';
import * as ops from '../runtime/ops.js';
import { isLiteralValue, type OptimizeEnv } from './env.js';

/** binary returns the value of a strict binary operator, computed by the same runtime functions the VM calls. */
function binary(node: Binary, a: unknown, b: unknown, env: OptimizeEnv): unknown {
  switch (node.op) {
    case '+':
      return guardSize(ops.add(a, b), env.limits);
    case '-':
      return ops.sub(a, b);
    case '++':
      return ops.forcedAdd(a, b);
    case '*':
      return ops.mul(a, b);
    case '/':
      return ops.div(a, b);
    case '%':
      return ops.mod(a, b);
    case '<':
      return ops.lessThan(a, b);
    case '<=':
      return ops.lessEqual(a, b);
    case '>':
      return ops.greaterThan(a, b);
    case '>=':
      return ops.greaterEqual(a, b);
    case '=':
      return env.strictEquality ? ops.strictEquals(a, b) : ops.looseEquals(a, b);
    case '!=':
      return !(env.strictEquality ? ops.strictEquals(a, b) : ops.looseEquals(a, b));
  }
}

function unary(node: Unary, v: unknown): unknown {
  return node.op === '!' ? ops.not(v) : node.op === '-' ? ops.neg(v) : ops.plus(v);
}

/**
 * fold returns an operator whose operands are constants as the constant it computes (`1 + 2` → `3`). A fold that
 * throws (a limit) keeps the node, so the error stays a runtime error at the same position.
 */
export function fold(node: IrNode, env: OptimizeEnv): IrNode {
  let v: unknown;
  try {
    if (node.kind === 'Unary' && node.operand.kind === 'Literal') v = unary(node, node.operand.value);
    else if (node.kind === 'Binary' && node.left.kind === 'Literal' && node.right.kind === 'Literal') {
      v = binary(node, node.left.value, node.right.value, env);
    } else return node;
  } catch {
    return node;
  }
  return isLiteralValue(v) ? literalNode(v, node.span) : node;
}
