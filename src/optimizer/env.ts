import type { IrNode, Literal, LiteralValue } from '../ir/nodes.js';
import type { FunctionTable, Resolved } from '../runtime/builtins/resolve.js';
import { resolveFunction } from '../runtime/builtins/resolve.js';
import type { CallContext, FunctionThis } from '../runtime/context.js';
import type { Limits } from '../source/limits.js';

/** OptimizeEnv represents what the passes may rely on: the functions calls resolve to, equality, the limits. */
export interface OptimizeEnv {
  readonly table: FunctionTable;
  readonly strictEquality: boolean;
  /** The compile-time limits; a fold whose result breaks them is left for the run to report. */
  readonly limits: Limits;
}

/** Pass represents one optimizer rule: a node whose children are already optimized in, the node or its rewrite out. */
export type Pass = (node: IrNode, env: OptimizeEnv) => IrNode;

/** NOT_CONSTANT represents the reason a fold gives up: the function read per-run state (now, timezone, random...). */
const NOT_CONSTANT = new Error('not a constant: reads per-run state');

/**
 * FoldContext represents the CallContext of compile-time folding: only the limits are known; reading anything
 * that belongs to a run throws, so a built-in that depends on it is never folded, whatever its `pure` flag says.
 */
export class FoldContext implements CallContext {
  constructor(readonly limits: Limits) {}
  get timezone(): string {
    throw NOT_CONSTANT;
  }
  get now(): Date {
    throw NOT_CONSTANT;
  }
  get executionId(): string | undefined {
    throw NOT_CONSTANT;
  }
  get functionThis(): FunctionThis {
    throw NOT_CONSTANT;
  }
  random(): number {
    throw NOT_CONSTANT;
  }
}

/** isLiteral returns whether a node is a constant. */
export function isLiteral(node: IrNode): node is Literal {
  return node.kind === 'Literal';
}

/** isLiteralValue returns whether a Literal node can hold a value (a primitive; never a fresh array or object). */
export function isLiteralValue(v: unknown): v is LiteralValue {
  const t = typeof v;
  return v === null || t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined';
}

/** lazyBuiltin returns the name of the lazy built-in a call resolves to (if, ifempty, switch), or undefined. */
export function lazyBuiltin(name: string, env: OptimizeEnv): string | undefined {
  const r: Resolved | undefined = resolveFunction(name, env.table);
  return r?.kind === 'builtin' && r.builtin.lazy ? r.builtin.name : undefined;
}
