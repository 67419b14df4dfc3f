import type { IrNode } from '../ir/nodes.js';

/**
 * logical returns `a && b` / `a || b` with a constant left operand decided: `true && x` → `x`, `0 && x` → `0`,
 * `'' || x` → `x`, `'a' || x` → `'a'` (JS semantics: the deciding operand itself is the value).
 */
export function logical(node: IrNode): IrNode {
  if (node.kind !== 'Logical' || node.left.kind !== 'Literal') return node;
  const truthy = !!node.left.value;
  if (node.op === '&&') return truthy ? node.right : node.left;
  return truthy ? node.left : node.right;
}
