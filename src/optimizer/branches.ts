import { type Call, callNode, type IrNode, literalNode } from '../ir/nodes.js';
import { render } from '../runtime/render.js';
import { isEmpty } from '../runtime/value.js';
import { lazyBuiltin, type OptimizeEnv } from './env.js';

/** ifBranch returns `if(c, a, b)` with a constant condition as the branch it takes (undefined without `else`). */
function ifBranch(node: Call): IrNode {
  const [cond, then, otherwise] = node.args;
  if (cond?.kind !== 'Literal') return node;
  if (cond.value) return then as IrNode;
  return otherwise ?? literalNode(undefined, node.span);
}

/**
 * ifemptyBranch returns `ifempty(...)` without the constants that cannot change its value: an empty constant
 * before the last argument is skipped anyway, and nothing after a constant that is not empty is ever reached.
 */
function ifemptyBranch(node: Call): IrNode {
  const args: IrNode[] = [];
  const last = node.args.length - 1;
  for (let i = 0; i <= last; i++) {
    const a = node.args[i] as IrNode;
    if (a.kind === 'Literal' && i < last && isEmpty(a.value)) continue;
    args.push(a);
    if (a.kind === 'Literal' && !isEmpty(a.value)) break;
  }
  if (args.length === 1) return args[0] as IrNode;
  return args.length === node.args.length ? node : callNode(node.name, args, node.span);
}

/**
 * switchBranch returns `switch(value, ...)` with a constant value decided as far as its cases are constants: a
 * constant case whose text differs is dropped, one whose text equals gives its result; the first computed case
 * stops the walk (what remains is still a switch).
 */
function switchBranch(node: Call): IrNode {
  const subject = node.args[0] as IrNode;
  if (subject.kind !== 'Literal') return node;
  const text = render(subject.value);
  const args = node.args;
  let i = 1;
  for (; i + 1 < args.length; i += 2) {
    const c = args[i] as IrNode;
    if (c.kind !== 'Literal') break;
    if (render(c.value) === text) return args[i + 1] as IrNode;
  }
  if (i + 1 < args.length) return i === 1 ? node : callNode(node.name, [subject, ...args.slice(i)], node.span);
  return i < args.length ? (args[i] as IrNode) : literalNode(undefined, node.span);
}

/**
 * branches returns a call of the lazy built-ins `if`, `ifempty` and `switch` with its constant decisions taken
 * (dead branches removed). Only calls that resolve to the built-ins qualify, not custom functions of that name.
 */
export function branches(node: IrNode, env: OptimizeEnv): IrNode {
  if (node.kind !== 'Call') return node;
  switch (lazyBuiltin(node.name, env)) {
    case 'if':
      return ifBranch(node);
    case 'ifempty':
      return ifemptyBranch(node);
    case 'switch':
      return switchBranch(node);
    default:
      return node;
  }
}
