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
// rewriteDefault below applies these same passes in this same order: change both together.

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

/** Settled represents whether every node of a round reached its fixpoint (none was cut short by MAX_NODE_REWRITES). */
interface Settled {
  settled: boolean;
}

/**
 * rewriteDefault returns what rewrite(node, env, PASSES) returns. It calls the passes directly (V8 inlines them)
 * and only those for the node's kind (a pass leaves every other kind alone): `kind` is read from nodes of a dozen
 * shapes, a megamorphic load, so it is read once per pass that applies instead of once per pass.
 */
function rewriteDefault(node: IrNode, env: OptimizeEnv, out: Settled): IrNode {
  let n = node;
  for (let i = 0; i < MAX_NODE_REWRITES; i++) {
    const before = n;
    let kind = n.kind;
    if (kind === 'Index') {
      n = paths(n);
      kind = n.kind;
    }
    if (kind === 'Unary' || kind === 'Binary') {
      n = fold(n, env);
      kind = n.kind;
    }
    if (kind === 'Call') {
      n = calls(n, env);
      kind = n.kind;
    }
    if (kind === 'Logical') {
      n = logical(n);
      kind = n.kind;
    }
    if (kind === 'Call') {
      n = branches(n, env);
      kind = n.kind;
    }
    if (kind === 'Template') n = template(n, env);
    if (n === before) return n;
  }
  out.settled = false;
  return n;
}

/**
 * optimize returns the IR with the passes applied bottom-up until a fixpoint (at most MAX_ROUNDS rounds). Every
 * pass is semantics-preserving, errors included: the VM runs the result exactly as the reference runs the input.
 * @example
 * optimize(parseTemplate("{{upper('a') + 1}}"), env); // Literal 'A1'
 */
export function optimize(ir: IrNode, env: OptimizeEnv, passes: readonly Pass[] = PASSES): IrNode {
  if (passes === PASSES) return optimizeDefault(ir, env);
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

/**
 * optimizeDefault returns optimize(ir, env, PASSES) with fewer walks. The passes are pure functions of a node whose
 * children are done, and what they build holds only such children or constants; so once every node of a round
 * settled, another round would return the very same tree, and it is skipped. Only a node cut short by
 * MAX_NODE_REWRITES makes another round worth walking.
 */
function optimizeDefault(ir: IrNode, env: OptimizeEnv): IrNode {
  const out: Settled = { settled: true };
  const visit = (node: IrNode): IrNode => rewriteDefault(mapChildren(node, visit), env, out);
  let cur = ir;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    out.settled = true;
    const next = visit(cur);
    if (next === cur || out.settled) return next;
    cur = next;
  }
  return cur;
}
