import { ImlError } from '../source/error.js';
import { MAX_VALUE_DEPTH } from '../source/limits.js';

/** typeError returns a `runtime/type` error without a position; the evaluator adds the span of the failing call. */
export function typeError(message: string): ImlError {
  return new ImlError('runtime/type', message);
}

/** limitError returns a `runtime/limit` error without a position. */
export function limitError(message: string): ImlError {
  return new ImlError('runtime/limit', message);
}

/** depthError returns the `runtime/limit` error of a value nested deeper than MAX_VALUE_DEPTH. */
export function depthError(): ImlError {
  return limitError(`Value is nested deeper than ${MAX_VALUE_DEPTH} levels`);
}

/**
 * stackError returns the `runtime/limit` error for a JS stack overflow met while walking nested data (the stack
 * may run out before MAX_VALUE_DEPTH levels when the caller's stack is already deep), or `e` itself otherwise.
 */
export function stackError(e: unknown): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return limitError('Value is nested too deeply to walk (JS stack exhausted)');
  }
  return e;
}

/**
 * foreignError returns what an exception thrown by code outside the engine while it read the data (a getter or a
 * Proxy trap of an embedder's context object) becomes: `runtime/function` with the original as `cause`, like a
 * failing custom function; an ImlError and a JS stack overflow (the caller's own limit errors) pass through.
 */
export function foreignError(e: unknown): unknown {
  if (e instanceof ImlError || (e instanceof RangeError && /call stack/i.test(e.message))) return e;
  let why = 'an exception';
  try {
    why = e instanceof Error ? e.message : String(e);
  } catch {
    // An exception whose text cannot be read is reported without it.
  }
  return new ImlError('runtime/function', `Reading the data failed: ${why}`, undefined, { cause: e });
}
