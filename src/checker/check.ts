import type { Call, IrNode } from '../ir/nodes.js';
import { children } from '../ir/walk.js';
import { type FunctionTable, resolveFunction } from '../runtime/builtins/resolve.js';
import { ImlError } from '../source/error.js';

function nameSpan(call: Call) {
  return { start: call.span.start, end: call.span.start + call.name.length };
}

function checkCall(call: Call, table: FunctionTable): void {
  const r = resolveFunction(call.name, table);
  if (!r) throw new ImlError('compile/unknown-function', `Unknown function "${call.name}"`, nameSpan(call));
  if (r.kind !== 'builtin') return;
  const { min, max } = r.builtin;
  const n = call.args.length;
  if (n < min || n > max) {
    const want = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new ImlError(
      'compile/arity',
      `Function "${call.name}" takes ${want} argument${want === '1' ? '' : 's'}, got ${n}`,
      nameSpan(call),
    );
  }
}

/**
 * check returns nothing when every call in the tree names a known function with a valid argument count; otherwise
 * it throws `compile/unknown-function` or `compile/arity` at the first offending call's name (source order),
 * also inside branches that would never run (FUNCTIONS.md).
 */
export function check(root: IrNode, table: FunctionTable): void {
  const stack: IrNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as IrNode;
    if (node.kind === 'Call') checkCall(node, table);
    const cs = children(node);
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i] as IrNode);
  }
}
