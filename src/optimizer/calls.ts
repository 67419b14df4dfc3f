import { type IrNode, type Literal, literalNode } from '../ir/nodes.js';
import { resolveFunction } from '../runtime/builtins/resolve.js';
import { guardSize } from '../runtime/call.js';
import { FoldContext, isLiteralValue, type OptimizeEnv } from './env.js';

/**
 * calls returns a call of a pure strict built-in whose arguments are all constants as its result (`upper('a')` →
 * `'A'`). Impure built-ins (`pure: false`: now, random, shuffle...), custom functions, calls that read per-run
 * state, calls that throw and calls whose result is not a primitive (a fresh array or object each run) stay.
 */
export function calls(node: IrNode, env: OptimizeEnv): IrNode {
  if (node.kind !== 'Call' || !node.args.every((a) => a.kind === 'Literal')) return node;
  const r = resolveFunction(node.name, env.table);
  if (r?.kind !== 'builtin' || r.builtin.lazy || !r.builtin.pure) return node;
  let v: unknown;
  try {
    const args = node.args.map((a) => (a as Literal).value);
    v = guardSize(r.builtin.impl(new FoldContext(env.limits), ...args), env.limits);
  } catch {
    return node;
  }
  return isLiteralValue(v) ? literalNode(v, node.span) : node;
}
