import type { IrNode } from '../ir/nodes.js';
import { mapChildren } from '../ir/walk.js';
import { branches } from './branches.js';
import { calls } from './calls.js';
import type { OptimizeEnv, Pass } from './env.js';
import { fold } from './fold.js';
import { logical } from './logical.js';
import { paths } from './paths.js';
import { template } from './template.js';

export { FoldContext, type OptimizeEnv, type Pass } from './env.js';

/**
 * PASSES represents the optimizer's rules in the order they are tried on each node: path fusion first (so a
 * constant index joins its chain), then constant folding of operators and pure calls, short-circuit and branch
 * decisions, and template simplification.
 */
export const PASSES: readonly Pass[] = [paths, fold, calls, logical, branches, template];

/** MAX_ROUNDS represents the cap of the fixpoint iteration over the whole tree. */
export const MAX_ROUNDS = 100;

/** MAX_NODE_REWRITES represents the cap of rewrites tried on one node before moving on. */
const MAX_NODE_REWRITES = 16;

/** rewrite returns a node with the passes applied until none changes it (its children are already done). */
function rewrite(node: IrNode, env: OptimizeEnv, passes: readonly Pass[]): IrNode {
  let n = node;
  for (let i = 0; i < MAX_NODE_REWRITES; i++) {
    const before = n;
    for (const pass of passes) n = pass(n, env);
    if (n === before) break;
  }
  return n;
}

/**
 * optimize returns the IR with the passes applied bottom-up until a fixpoint (at most MAX_ROUNDS rounds). Every
 * pass is semantics-preserving, errors included: the VM runs the result exactly as the reference runs the input.
 * @example
 * optimize(parseTemplate("{{upper('a') + 1}}"), env); // Literal 'A1'
 */
export function optimize(ir: IrNode, env: OptimizeEnv, passes: readonly Pass[] = PASSES): IrNode {
  // One visitor per call (not a closure per node): children first, then the node itself.
  const visit = (node: IrNode): IrNode => rewrite(mapChildren(node, visit), env, passes);
  let cur = ir;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = visit(cur);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}
