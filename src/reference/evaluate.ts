import type { IrNode, ObjectNode } from '../ir/nodes.js';
import type { StrictImpl, Thunk } from '../runtime/builtins/registry.js';
import { type FunctionTable, resolveFunction } from '../runtime/builtins/resolve.js';
import { callCustom, guardSize } from '../runtime/call.js';
import type { CallContext } from '../runtime/context.js';
import { foreignError } from '../runtime/errors.js';
import * as ops from '../runtime/ops.js';
import { render } from '../runtime/render.js';
import { getFirst, getIndex, getKey, isPlainObject, setOwn } from '../runtime/value.js';
import { resolveRoot } from '../runtime/variables.js';
import { ImlError } from '../source/error.js';

/** ReferenceEnv represents what one reference evaluation reads: the context, the run state and the options. */
export interface ReferenceEnv {
  context: object;
  ctx: CallContext;
  table: FunctionTable;
  strictEquality: boolean;
  /** Nodes evaluated so far, counted against limits.maxSteps. */
  steps: number;
}

/** atNode returns an error positioned at a node when it has no position yet. */
function atNode(thrown: unknown, node: IrNode): unknown {
  const e = foreignError(thrown);
  if (e instanceof ImlError && e.offset === undefined && !e.bound) {
    e.offset = node.span.start;
    e.end = node.span.end;
  }
  return e;
}

function evalObject(node: ObjectNode, env: ReferenceEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) {
    const v = evaluateNode(entry.value, env);
    if (entry.spread) {
      try {
        if (isPlainObject(v)) for (const k of Object.keys(v)) setOwn(out, k, v[k]);
      } catch (e) {
        // A getter or Proxy trap of the embedder's data threw: positioned at the spread value.
        throw atNode(e, entry.value);
      }
    } else if (v !== undefined) {
      setOwn(out, entry.key, v);
    }
  }
  return out;
}

function evalCall(node: IrNode & { kind: 'Call' }, env: ReferenceEnv): unknown {
  const r = resolveFunction(node.name, env.table);
  if (!r) throw new ImlError('compile/unknown-function', `Unknown function "${node.name}"`, node.span);
  if (r.kind === 'builtin' && r.builtin.lazy) {
    const thunks: Thunk[] = node.args.map((a) => () => evaluateNode(a, env));
    return r.builtin.impl(env.ctx, thunks);
  }
  const args = node.args.map((a) => evaluateNode(a, env));
  try {
    const out =
      r.kind === 'builtin'
        ? (r.builtin.impl as StrictImpl)(env.ctx, ...args)
        : callCustom(r.fn, env.ctx, node.name, args);
    return guardSize(out, env.ctx.limits);
  } catch (e) {
    throw atNode(e, node);
  }
}

function evalBinary(node: IrNode & { kind: 'Binary' }, env: ReferenceEnv): unknown {
  const a = evaluateNode(node.left, env);
  const b = evaluateNode(node.right, env);
  return ops.applyBinary(node.op, a, b, env.strictEquality, env.ctx.limits);
}

function evalNode(node: IrNode, env: ReferenceEnv): unknown {
  switch (node.kind) {
    case 'Literal':
      return node.value;
    case 'Ident':
      return resolveRoot(env.context, node.name, env.ctx);
    case 'Member':
      return getKey(evaluateNode(node.object, env), node.name);
    case 'Index': {
      const object = evaluateNode(node.object, env);
      return node.index ? getIndex(object, evaluateNode(node.index, env)) : getFirst(object);
    }
    case 'Unary': {
      const v = evaluateNode(node.operand, env);
      return node.op === '!' ? ops.not(v) : node.op === '-' ? ops.neg(v) : ops.plus(v);
    }
    case 'Binary':
      return evalBinary(node, env);
    case 'Logical': {
      const left = evaluateNode(node.left, env);
      if (node.op === '&&' ? !left : !!left) return left;
      return evaluateNode(node.right, env);
    }
    case 'Call':
      return evalCall(node, env);
    case 'Template': {
      let out = '';
      for (const part of node.parts) out += render(evaluateNode(part, env));
      return guardSize(out, env.ctx.limits);
    }
    case 'Array':
      return guardSize(
        node.items.map((item) => evaluateNode(item, env)),
        env.ctx.limits,
      );
    case 'Object':
      return evalObject(node, env);
  }
}

/**
 * evaluateNode returns the value of an IR node by walking the tree (SEMANTICS §1, §3–§5): the slow, obviously
 * correct oracle that the VM is tested against. Errors without a position get the span of the failing node.
 */
export function evaluateNode(node: IrNode, env: ReferenceEnv): unknown {
  if (++env.steps > env.ctx.limits.maxSteps) {
    throw new ImlError(
      'runtime/limit',
      `Evaluation took more than ${env.ctx.limits.maxSteps} steps (limits.maxSteps)`,
      node.span,
    );
  }
  try {
    return evalNode(node, env);
  } catch (e) {
    throw atNode(e, node);
  }
}
