import { type IrNode, literalNode, type Unary } from '../ir/nodes.js';
import * as ops from '../runtime/ops.js';
import { isLiteralValue, type OptimizeEnv } from './env.js';

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
      v = ops.applyBinary(node.op, node.left.value, node.right.value, env.strictEquality, env.limits);
    } else return node;
  } catch {
    return node;
  }
  return isLiteralValue(v) ? literalNode(v, node.span) : node;
}
