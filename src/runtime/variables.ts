import { randomUUID } from 'node:crypto';
import type { CallContext } from './context.js';

/** BUILTIN_VARIABLES represents the names of SEMANTICS §4's built-in variables. */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set([
  'now',
  'timestamp',
  'uuid',
  'pi',
  'random',
  'executionId',
]);

/** builtinVariable returns the value of a built-in variable, or undefined for any other name. */
export function builtinVariable(name: string, ctx: CallContext): unknown {
  switch (name) {
    case 'now':
      return ctx.now;
    case 'timestamp':
      return Math.floor(ctx.now.getTime() / 1000);
    case 'uuid':
      return randomUUID();
    case 'pi':
      return Math.PI;
    case 'random':
      return ctx.random();
    case 'executionId':
      return ctx.executionId;
    default:
      return undefined;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * resolveRoot returns a root name's value (SEMANTICS §4): the context's own property when it defines the name,
 * else the built-in variable, else undefined. Inherited members of the context are never visible.
 */
export function resolveRoot(context: object, name: string, ctx: CallContext): unknown {
  if (hasOwn.call(context, name)) {
    const v = (context as Record<string, unknown>)[name];
    return typeof v === 'function' ? undefined : v;
  }
  return BUILTIN_VARIABLES.has(name) ? builtinVariable(name, ctx) : undefined;
}
