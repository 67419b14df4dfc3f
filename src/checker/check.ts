import type { Call, IrNode, ObjectEntry } from '../ir/nodes.js';
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
  // An explicit stack (a 100 000-level tree must not overflow the JS stack); children are pushed last first, so
  // they are visited in source order. Pushed directly, not through children(), which builds an array per node.
  const stack: IrNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as IrNode;
    switch (node.kind) {
      case 'Literal':
      case 'Ident':
        break;
      case 'Member':
        stack.push(node.object);
        break;
      case 'Index':
        if (node.index) stack.push(node.index);
        stack.push(node.object);
        break;
      case 'Unary':
        stack.push(node.operand);
        break;
      case 'Binary':
      case 'Logical':
        stack.push(node.right, node.left);
        break;
      case 'Call':
        checkCall(node, table);
        pushReversed(stack, node.args);
        break;
      case 'Template':
        pushReversed(stack, node.parts);
        break;
      case 'Array':
        pushReversed(stack, node.items);
        break;
      case 'Object':
        for (let i = node.entries.length - 1; i >= 0; i--) stack.push((node.entries[i] as ObjectEntry).value);
        break;
    }
  }
}

function pushReversed(stack: IrNode[], nodes: IrNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i] as IrNode);
}
