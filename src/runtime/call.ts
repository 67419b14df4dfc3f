import { ImlError } from '../source/error.js';
import type { Limits } from '../source/limits.js';
import type { CustomFunction } from './builtins/resolve.js';
import type { CallContext } from './context.js';
import { limitError } from './errors.js';

/**
 * callCustom returns a custom function's result with `this.timezone` set. Anything it throws becomes
 * `runtime/function` with the original as `cause` (an ImlError it throws passes through); a function result
 * becomes undefined, so no function value is ever reachable from a template.
 */
export function callCustom(fn: CustomFunction, ctx: CallContext, name: string, args: unknown[]): unknown {
  let out: unknown;
  try {
    out = fn.apply(ctx.functionThis, args);
  } catch (e) {
    if (e instanceof ImlError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ImlError('runtime/function', `Function "${name}" failed: ${why}`, undefined, { cause: e });
  }
  return typeof out === 'function' ? undefined : out;
}

/** guardSize returns v after checking that a string or array result is within maxStringLength / maxArrayLength. */
export function guardSize(v: unknown, limits: Limits): unknown {
  if (typeof v === 'string') {
    if (v.length > limits.maxStringLength) {
      throw limitError(
        `Text of ${v.length} characters is over the limit of ${limits.maxStringLength} (limits.maxStringLength)`,
      );
    }
  } else if (Array.isArray(v) && v.length > limits.maxArrayLength) {
    throw limitError(
      `Array of ${v.length} elements is over the limit of ${limits.maxArrayLength} (limits.maxArrayLength)`,
    );
  }
  return v;
}
