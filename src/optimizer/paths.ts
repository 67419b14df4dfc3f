import { type IrNode, memberNode } from '../ir/nodes.js';

/**
 * paths returns `a[k]` with a constant text or number k rewritten to the member `a.k` (text of k), so the compiler
 * fuses it into one path instruction. getIndex and getKey agree on every such k: on objects both read the own
 * property named String(k); on arrays `[n]` reads element n exactly when String(n) is integer text (0, fractions,
 * NaN and 1e21-style texts read nothing either way).
 */
export function paths(node: IrNode): IrNode {
  if (node.kind !== 'Index' || node.index === null || node.index.kind !== 'Literal') return node;
  const v = node.index.value;
  if (typeof v !== 'string' && typeof v !== 'number') return node;
  return memberNode(node.object, String(v), node.span);
}
